using CustomerService.Grains;
using CustomerService.Grains.Conversations;
using CustomerService.Runtime;
using Microsoft.AspNetCore.SignalR;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>A conversation's events for the local visitor connections (<c>c:{key}:v</c>), subscribed as that
/// visitor, so private notes and agents' unread counts never reach them.</summary>
internal sealed class VisitorConversationFeed(
    string key, Participant visitor, IGrainFactory grains, IHubContext<VisitorHub, IVisitorClient> hub, OwnSends ownSends,
    TimeSpan unreadInterval, TimeProvider time)
    : Feed(FeedRegistry.VisitorConversationId(key)), IConversationObserver
{
    private IConversationObserver? reference;
    // Made on the first count: most widgets never get one, and an idle widget's feed should stay small.
    private UnreadCoalescer<UnreadEvent>? unreadSends;

    public override Task AddToGroupAsync(string connectionId) => hub.Groups.AddToGroupAsync(connectionId, Id);
    public override Task RemoveFromGroupAsync(string connectionId) => hub.Groups.RemoveFromGroupAsync(connectionId, Id);

    protected override async Task<bool> SubscribeCoreAsync()
    {
        reference ??= grains.CreateObjectReference<IConversationObserver>(this);
        try
        {
            await grains.GetGrain<IConversationGrain>(key).Subscribe(visitor, reference);
            return true;
        }
        catch (ChatException e) when (e.Code == ChatErrorCodes.NotFound)
        {
            return false; // no message yet: subscribed after the visitor's first send
        }
    }

    protected override async Task ReleaseCoreAsync()
    {
        unreadSends?.Dispose();
        if (reference is null) return;
        try { await grains.GetGrain<IConversationGrain>(key).Unsubscribe(reference); }
        finally { grains.DeleteObjectReference<IConversationObserver>(reference); reference = null; }
    }

    private UnreadCoalescer<UnreadEvent> UnreadSends => unreadSends ?? CreateUnreadSends();

    private UnreadCoalescer<UnreadEvent> CreateUnreadSends()
    {
        var created = new UnreadCoalescer<UnreadEvent>(unreadInterval, time, e => Clients.unread(e.ToWire()));
        return Interlocked.CompareExchange(ref unreadSends, created, null) ?? created;
    }

    private IVisitorClient Clients => hub.Clients.Group(Id);
    public Task Message(ChatMessage message) =>
        message.Private ? Task.CompletedTask : ToAllButSender(message.ClientMessageId).message(message.ToWire());
    private IVisitorClient ToAllButSender(string clientMessageId) =>
        ownSends.TakeSender(Id, clientMessageId) is { } sender ? hub.Clients.GroupExcept(Id, sender) : Clients;
    public Task Read(ReadEvent read) => Clients.read(read.ToWire());
    public Task Typing(TypingEvent typing) =>
        typing.Participant.Kind == AuthorKind.Visitor ? Task.CompletedTask : Clients.typing(typing.ToWire() with { Draft = null });
    public Task ConversationUpdated(ConversationView conversation) => Clients.conversationUpdated(conversation.ToWire());
    public Task Queue(QueueEvent queue) => Clients.queue(queue.ToWire());
    public Task Unread(Participant reader, UnreadEvent unread) =>
        reader.Kind == AuthorKind.Visitor ? UnreadSends.Post(key, unread) : Task.CompletedTask;
}

/// <summary>A conversation's events for the local agent connections that opened it (<c>c:{key}:a</c>), subscribed as
/// the first agent who opened it (agents share the agents' view; unread counts come from each agent's own feed).</summary>
internal sealed class AgentConversationFeed(
    string key, Participant agent, IGrainFactory grains, IHubContext<AgentHub, IAgentClient> hub, OwnSends ownSends)
    : Feed(FeedRegistry.AgentConversationId(key)), IConversationObserver
{
    private IConversationObserver? reference;

    public override Task AddToGroupAsync(string connectionId) => hub.Groups.AddToGroupAsync(connectionId, Id);
    public override Task RemoveFromGroupAsync(string connectionId) => hub.Groups.RemoveFromGroupAsync(connectionId, Id);

    protected override async Task<bool> SubscribeCoreAsync()
    {
        reference ??= grains.CreateObjectReference<IConversationObserver>(this);
        await grains.GetGrain<IConversationGrain>(key).Subscribe(agent, reference);
        return true;
    }

    protected override async Task ReleaseCoreAsync()
    {
        if (reference is null) return;
        try { await grains.GetGrain<IConversationGrain>(key).Unsubscribe(reference); }
        finally { grains.DeleteObjectReference<IConversationObserver>(reference); reference = null; }
    }

    private IAgentClient Clients => hub.Clients.Group(Id);
    public Task Message(ChatMessage message) => ToAllButSender(message.ClientMessageId).message(message.ToWire());
    private IAgentClient ToAllButSender(string clientMessageId) =>
        ownSends.TakeSender(Id, clientMessageId) is { } sender ? hub.Clients.GroupExcept(Id, sender) : Clients;
    public Task Read(ReadEvent read) => Clients.read(read.ToWire());
    public Task Typing(TypingEvent typing) => Clients.typing(typing.ToWire());
    public Task ConversationUpdated(ConversationView conversation) => Clients.conversationUpdated(conversation.ToWire());
    public Task Queue(QueueEvent queue) => Task.CompletedTask;
    public Task Unread(Participant reader, UnreadEvent unread) => Task.CompletedTask;
}
