using System.Collections.Immutable;
using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

/// <summary>One conversation, keyed <c>{tenant}/{conversationId}</c>. Assigns every message its seq, persists it
/// before acknowledging, keeps read state and pushes events to subscribed front-ends. Every call names the acting
/// <see cref="Participant"/>, which the hub takes from the connection's claims; a refused call throws
/// <see cref="ChatException"/> and changes nothing.</summary>
/// <remarks><para><b>Who may act.</b> A conversation exists once a visitor has written to it; that first visitor
/// owns it, and no other visitor may act on it (<c>forbidden</c>). Any agent may act: the hub builds the key from
/// the agent's own tenant, so an agent reaching this grain is one of its tenant. An agent becomes a listed
/// participant the first time it sends, marks read or unread, closes or reopens. Bots and the system may send,
/// read history, close and reopen, but have no read state and never send private notes.</para>
/// <para>Before it exists, only a visitor's <see cref="SendMessage"/> and a non-visitor's
/// <see cref="Subscribe"/> are accepted; anything else is <c>not_found</c>.</para></remarks>
[Alias("conversation")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Appends a message and returns its acknowledgement once it is durable. Resending the same client
    /// message id returns the first acknowledgement and stores nothing. A visitor's message reopens a closed
    /// conversation; anyone else gets <c>closed</c>.</summary>
    [Alias("sendMessage")]
    Task<MessageAck> SendMessage(Participant participant, SendMessageCommand command);

    /// <summary>Marks everything up to <paramref name="seq"/> read for the participant (visitor or agent) and sends
    /// a <c>read</c> receipt. A mark at or below the current one changes nothing.</summary>
    [Alias("markRead")]
    Task MarkRead(Participant participant, long seq);

    /// <summary>Makes the newest message the participant counts unread again ("mark as unread").</summary>
    [Alias("markUnread")]
    Task MarkUnread(Participant participant);

    /// <summary>Tells the others the participant is (or stopped) typing; nothing is stored.</summary>
    [Alias("typing")]
    Task Typing(Participant participant, bool isTyping, string? draft = null);

    /// <summary>How many messages the participant (visitor or agent) has not read.</summary>
    [Alias("getUnread"), ReadOnly]
    Task<long> GetUnread(Participant participant);

    /// <summary>Up to <paramref name="limit"/> (1..200) messages after <paramref name="afterSeq"/>, ascending;
    /// a visitor never receives private notes, so a visitor sees gaps in seq where they are.</summary>
    [Alias("resume"), ReadOnly]
    Task<ImmutableArray<ChatMessage>> Resume(Participant participant, long afterSeq, int limit);

    /// <summary>Up to <paramref name="limit"/> (1..200) messages before <paramref name="beforeSeq"/> (the newest
    /// when null), ascending; pass the first seq returned to page further back.</summary>
    [Alias("getHistory"), ReadOnly]
    Task<ImmutableArray<ChatMessage>> GetHistory(Participant participant, long? beforeSeq, int limit);

    /// <summary>Subscribes (or renews) a front-end's observer for the participant's view: a visitor's observer never
    /// receives private notes, and only a visitor's observer receives unread counts (the visitor's). Subscriptions expire unless renewed within
    /// <c>Conversations:SubscriptionExpiry</c>.</summary>
    [Alias("subscribe")]
    Task Subscribe(Participant participant, IConversationObserver observer);

    /// <summary>Removes an observer.</summary>
    [Alias("unsubscribe")]
    Task Unsubscribe(IConversationObserver observer);

    /// <summary>Resolves the conversation (agents, bots, the system) and frees its agent's capacity. Resolving a
    /// resolved conversation changes nothing.</summary>
    [Alias("close")]
    Task Close(Participant participant);

    /// <summary>Reopens a resolved, pending or snoozed conversation (agents, bots, the system). Reopening an open one
    /// changes nothing.</summary>
    [Alias("reopen")]
    Task Reopen(Participant participant);

    /// <summary>Status, participants, last seq and the participant's unread count.</summary>
    [Alias("getSnapshot"), ReadOnly]
    Task<ConversationSnapshot> GetSnapshot(Participant participant);

    /// <summary>The conversation as <paramref name="participant"/> sees it (the wire <c>conversation</c>).</summary>
    [Alias("getView"), ReadOnly]
    Task<ConversationView> GetView(Participant participant);

    /// <summary>Sets the status (agents, bots, the system): <paramref name="snoozedUntil"/> is required for, and
    /// only allowed with, <see cref="ConversationStatus.Snoozed"/> and must lie in the future.</summary>
    [Alias("setStatus")]
    Task<ConversationView> SetStatus(Participant participant, ConversationStatus status, DateTimeOffset? snoozedUntil);

    /// <summary>An agent takes a queued (or bot-handled) conversation, beyond its capacity if need be.</summary>
    [Alias("accept")]
    Task<ConversationView> Accept(Participant agent);

    /// <summary>Hands the conversation to another agent or to a group's queue (agents only).</summary>
    [Alias("transfer")]
    Task<ConversationView> Transfer(Participant participant, TransferTarget target);

    /// <summary>Adds a label (agents only; 1..50 characters of letters, digits, <c>-</c> and <c>_</c>; at most 20
    /// labels). Adding a present label changes nothing.</summary>
    [Alias("addLabel")]
    Task<ConversationView> AddLabel(Participant participant, string label);

    /// <summary>Removes a label (agents only). Removing an absent label changes nothing.</summary>
    [Alias("removeLabel")]
    Task<ConversationView> RemoveLabel(Participant participant, string label);

    /// <summary>The owning visitor rates a resolved conversation, score 1..5 with an optional comment (at most
    /// 1,000 characters); rating again replaces the rating.</summary>
    [Alias("rate")]
    Task Rate(Participant visitor, int score, string? comment);

    /// <summary>Called by the tenant's router (one-way, so the router never waits on a conversation that waits on
    /// it): the conversation was assigned, re-queued or moved in the queue. Outcomes older than the last applied
    /// (by <see cref="Routing.RoutingOutcome.Version"/>) are ignored.</summary>
    [OneWay, Alias("applyRouting")]
    Task ApplyRouting(Routing.RoutingOutcome outcome);

    /// <summary>Called by an agent grain after its activation (one-way, since conversations wait on the router that
    /// waits on agents): if <paramref name="agentId"/> is the assignee, the conversation answers with the one-way
    /// <see cref="Agents.IAgentGrain.UnreadChanged"/>, so that the agent's unread figures, which it does not write on
    /// every message, are rebuilt from the conversation's read state.</summary>
    [OneWay, Alias("reportUnread")]
    Task ReportUnread(string agentId);
}
