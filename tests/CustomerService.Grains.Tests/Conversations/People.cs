using CustomerService.Grains.Conversations;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>The participants of the scenarios.</summary>
internal static class People
{
    public static readonly Participant Visitor = new(AuthorKind.Visitor, "v-1", "Vera");
    public static readonly Participant OtherVisitor = new(AuthorKind.Visitor, "v-2", "Otto");
    public static readonly Participant Agent = new(AuthorKind.Agent, "a-1", "Alice");
    public static readonly Participant OtherAgent = new(AuthorKind.Agent, "a-2", "Bob");
    public static readonly Participant Bot = new(AuthorKind.Bot, "bot", "Helper");

    private static int next;

    public static SendMessageCommand Text(string text, bool isPrivate = false) =>
        new($"c-{Interlocked.Increment(ref next)}", text, Private: isPrivate);
}

internal static class TaskTimeouts
{
    /// <summary>Every await in a test has a limit, so a bug fails the test instead of hanging the run.</summary>
    public static Task<T> Within<T>(this Task<T> task, int seconds = 15) => task.WaitAsync(TimeSpan.FromSeconds(seconds));

    public static Task Within(this Task task, int seconds = 15) => task.WaitAsync(TimeSpan.FromSeconds(seconds));
}
