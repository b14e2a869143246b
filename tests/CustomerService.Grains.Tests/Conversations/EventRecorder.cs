using CustomerService.Grains.Conversations;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>An unread event together with the reader it is for.</summary>
internal sealed record UnreadFor(Participant Reader, UnreadEvent Event);

/// <summary>A front-end's observer: records every event and lets a test wait for one that matches.</summary>
internal sealed class EventRecorder : IConversationObserver
{
    private readonly Lock gate = new();
    private readonly List<object> events = [];
    private readonly List<(Func<object, bool> Match, TaskCompletionSource<object> Done)> waiters = [];

    public IReadOnlyList<object> Events
    {
        get { lock (gate) return [.. events]; }
    }

    public IReadOnlyList<T> All<T>() => [.. Events.OfType<T>()];

    public Task Message(ChatMessage message) => Add(message);

    public Task Read(ReadEvent read) => Add(read);

    public Task Typing(TypingEvent typing) => Add(typing);

    public Task ConversationUpdated(ConversationView conversation) => Add(conversation);

    public Task Queue(QueueEvent queue) => Add(queue);

    public Task Unread(Participant reader, UnreadEvent unread) => Add(new UnreadFor(reader, unread));

    /// <summary>Completes with the first event, already received or still to come, that is a <typeparamref name="T"/>
    /// matching <paramref name="match"/>.</summary>
    public async Task<T> WaitFor<T>(Func<T, bool>? match = null)
    {
        bool Matches(object e) => e is T t && (match?.Invoke(t) ?? true);
        var done = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var found = events.FirstOrDefault(Matches);
            if (found is not null) return (T)found;
            waiters.Add((Matches, done));
        }

        return (T)await done.Task.Within();
    }

    private Task Add(object e)
    {
        List<TaskCompletionSource<object>> completed;
        lock (gate)
        {
            events.Add(e);
            completed = [.. waiters.Where(w => w.Match(e)).Select(w => w.Done)];
            waiters.RemoveAll(w => completed.Contains(w.Done));
        }

        foreach (var done in completed) done.TrySetResult(e);
        return Task.CompletedTask;
    }
}
