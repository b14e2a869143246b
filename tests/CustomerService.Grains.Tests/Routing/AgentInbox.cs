using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tests.Conversations;

namespace CustomerService.Grains.Tests.Routing;

/// <summary>An agent console's observer: records every event and lets a test wait for one that matches.</summary>
internal sealed class AgentInbox : IAgentObserver
{
    private readonly Lock gate = new();
    private readonly List<object> events = [];
    private readonly List<(Func<object, bool> Match, TaskCompletionSource<object> Done)> waiters = [];

    public IReadOnlyList<T> All<T>()
    {
        lock (gate) return [.. events.OfType<T>()];
    }

    public Task ConversationAssigned(ConversationView conversation) => Add(new Assigned(conversation));

    public Task ConversationUpdated(ConversationView conversation) => Add(conversation);

    public Task Unread(AgentUnreadEvent unread) => Add(unread);

    public Task Queue(QueueSizeEvent queue) => Add(queue);

    public Task Mention(MentionEvent mention) => Add(mention);

    public Task AgentUpdated(AgentProfile agent) => Add(agent);

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

    /// <summary>The <c>conversationAssigned</c> event, told apart from <c>conversationUpdated</c>.</summary>
    public sealed record Assigned(ConversationView Conversation);
}
