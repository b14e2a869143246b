namespace CustomerService.WebFront.Tests.Infrastructure;

/// <summary>Every await in these tests is bounded.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Call = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Event = TimeSpan.FromSeconds(5);

    public static Task<T> Within<T>(this Task<T> task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Call);
    public static Task Within(this Task task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Call);
}
