namespace CustomerService.Grains.Tests.Tenants;

internal static class Eventually
{
    /// <summary>Asks <paramref name="probe"/> until it answers true: for effects of one-way calls, which have no
    /// reply to wait on. Fails after <paramref name="seconds"/>.</summary>
    public static async Task True(Func<Task<bool>> probe, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await probe().WaitAsync(TimeSpan.FromSeconds(seconds)))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not true within {seconds} s.");
            await Task.Delay(10);
        }
    }
}
