namespace CustomerService.Runtime.Membership.Tests.Infrastructure;

/// <summary>Every await in these tests has a timeout, so a hung server fails a test instead of the run.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Call = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Server = TimeSpan.FromSeconds(90);

    public static Task<T> Timed<T>(this Task<T> task) => task.WaitAsync(Call);

    public static Task Timed(this Task task) => task.WaitAsync(Call);
}
