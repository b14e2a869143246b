using System.Collections.Immutable;
using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

/// <summary>A conversation as one participant sees it: the wire type <c>conversation</c> of docs/protocol.md, also
/// the payload of <c>conversationUpdated</c> and <c>conversationAssigned</c>.</summary>
/// <param name="Id">The grain key, <c>{tenant}/{id}</c>; the front-end strips the tenant on the wire.</param>
/// <param name="Status">Open, pending, snoozed or resolved.</param>
/// <param name="Visitor">The owning visitor; null before the first visitor message.</param>
/// <param name="Assignee">The agent answering it, if any.</param>
/// <param name="Group">The group it is routed to, if any.</param>
/// <param name="Routing">Queued, assigned, bot or none.</param>
/// <param name="Labels">Labels, sorted.</param>
/// <param name="LastSeq">The seq of the newest message.</param>
/// <param name="Unread">What the asking participant has not read (0 for bots and the system).</param>
/// <param name="LastMessage">The newest message the asking participant may see, when the grain has it at hand.</param>
/// <param name="CreatedAt">When the first visitor message was stored.</param>
/// <param name="FirstResponseAt">When an agent first answered the visitor (for reports).</param>
/// <param name="ResolvedAt">When it was last resolved (for reports); null while not resolved.</param>
/// <param name="SnoozedUntil">When a snoozed conversation opens again.</param>
/// <param name="Rating">The visitor's rating, once given.</param>
[Immutable]
[Alias("conversationView")]
public sealed record ConversationView(
    string Id,
    ConversationStatus Status,
    Participant? Visitor,
    Participant? Assignee,
    string? Group,
    RoutingState Routing,
    ImmutableArray<string> Labels,
    long LastSeq,
    long Unread,
    ChatMessage? LastMessage,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? SnoozedUntil,
    ConversationRating? Rating);

/// <summary>The visitor's rating (CSAT) of a conversation: <c>{score, comment}</c>, score 1..5.</summary>
[Immutable]
[Alias("conversationRating")]
public sealed record ConversationRating(int Score, string? Comment);

/// <summary>Where a transfer sends a conversation: exactly one of an agent or a group.</summary>
[Immutable]
[Alias("transferTarget")]
public sealed record TransferTarget(string? AgentId, string? GroupId);
