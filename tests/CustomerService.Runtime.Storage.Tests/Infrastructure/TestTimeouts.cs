namespace CustomerService.Runtime.Storage.Tests.Infrastructure;

/// <summary>Every await on storage gets a deadline, so a hang fails the test instead of the whole run.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Operation = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ServerStart = TimeSpan.FromMinutes(2);

    public static Task WithTimeout(this Task task) => task.WaitAsync(Operation);

    public static Task<T> WithTimeout<T>(this Task<T> task) => task.WaitAsync(Operation);
}
