using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Runtime;
using Microsoft.AspNetCore.SignalR;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>One agent's events (assignments, unread counts, queue size, mentions, profile) for every local
/// connection of that agent (<c>a:{key}</c>). A conversation assigned to the agent is followed by all of them.</summary>
internal sealed class AgentFeed(
    string key, IGrainFactory grains, IHubContext<AgentHub, IAgentClient> hub, Func<ConversationView, Task> assigned, TimeSpan unreadInterval, TimeProvider time)
    : Feed($"a:{key}"), IAgentObserver
{
    private IAgentObserver? reference;
    private UnreadCoalescer<AgentUnreadEvent>? unreadSends;

    public override Task AddToGroupAsync(string connectionId) => hub.Groups.AddToGroupAsync(connectionId, Id);
    public override Task RemoveFromGroupAsync(string connectionId) => hub.Groups.RemoveFromGroupAsync(connectionId, Id);

    protected override async Task<bool> SubscribeCoreAsync()
    {
        reference ??= grains.CreateObjectReference<IAgentObserver>(this);
        await grains.GetGrain<IAgentGrain>(key).Subscribe(reference);
        return true;
    }

    protected override async Task ReleaseCoreAsync()
    {
        unreadSends?.Dispose();
        if (reference is null) return;
        try { await grains.GetGrain<IAgentGrain>(key).Unsubscribe(reference); }
        finally { grains.DeleteObjectReference<IAgentObserver>(reference); reference = null; }
    }

    private IAgentClient Clients => hub.Clients.Group(Id);
    public async Task ConversationAssigned(ConversationView conversation)
    {
        await Clients.conversationAssigned(conversation.ToWire());
        await assigned(conversation); // the agent's connections now follow it: its messages reach them unopened
    }
    public Task ConversationUpdated(ConversationView conversation) => Clients.conversationUpdated(conversation.ToWire());
    public Task Unread(AgentUnreadEvent unread) => (unreadSends ?? CreateUnreadSends()).Post(unread.ConversationId, unread);

    private UnreadCoalescer<AgentUnreadEvent> CreateUnreadSends()
    {
        var created = new UnreadCoalescer<AgentUnreadEvent>(unreadInterval, time, e => Clients.unread(e.ToWire()));
        return Interlocked.CompareExchange(ref unreadSends, created, null) ?? created;
    }
    public Task Queue(QueueSizeEvent queue) => Clients.queue(queue);
    public Task Mention(MentionEvent mention) => Clients.mention(mention.ToWire());
    public Task AgentUpdated(AgentProfile agent) => Clients.agentUpdated(agent.ToWire());
}
