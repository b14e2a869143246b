using CustomerService.Runtime.Tests.Grains;

namespace CustomerService.Runtime.Tests;

public sealed class LoadTests
{
    // The benchmark once stalled here: a lost wake-up in the activation scheduler left a grain's continuation queued
    // with nobody to run it. Many pairs calling back to back is where such races show.
    [Fact]
    public async Task ManyGrainsCallingEachOtherBackToBackNeverStall()
    {
        await using var host = await TestHost.StartAsync();

        var answered = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(i => host.Grains.GetGrain<ILoopGrain>($"caller-{i}").CallPartner($"callee-{i % 4}", 2_000))).Within(60);

        Assert.All(answered, count => Assert.Equal(2_000, count));
    }
}
