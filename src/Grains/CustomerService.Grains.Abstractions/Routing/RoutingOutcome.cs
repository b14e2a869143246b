using CustomerService.Grains.Conversations;
using CustomerService.Runtime;

namespace CustomerService.Grains.Routing;

/// <summary>What the router decided for one conversation.</summary>
/// <param name="ConversationId">The conversation key, <c>{tenant}/{id}</c>.</param>
/// <param name="State">Assigned, queued or bot (no agent online, the tenant's bot is on); none when released.</param>
/// <param name="Agent">The assignee when assigned.</param>
/// <param name="Group">The group the conversation is routed to, if any.</param>
/// <param name="Position">The place in the queue (1 is next) when queued or bot; otherwise 0.</param>
/// <param name="EstimatedWaitSeconds">The estimated wait when queued; otherwise 0.</param>
/// <param name="AgentsOnline">How many agents of the tenant (or the group) are online: 0 means the conversation gets
/// the offline reply.</param>
/// <param name="Version">Grows with every decision of the router, so a conversation ignores a stale one.</param>
[Immutable]
[Alias("routingOutcome")]
public sealed record RoutingOutcome(
    string ConversationId,
    RoutingState State,
    Participant? Agent,
    string? Group,
    int Position,
    int EstimatedWaitSeconds,
    int AgentsOnline,
    long Version);

/// <summary>A conversation asking for an agent.</summary>
/// <param name="ConversationId">The conversation key.</param>
/// <param name="Visitor">Its visitor.</param>
/// <param name="PreferredAgentId">The previous agent of a returning visitor (sticky routing), if any.</param>
/// <param name="Group">Route only to this group's agents, if set.</param>
[Immutable]
[Alias("routingRequest")]
public sealed record RoutingRequest(string ConversationId, Participant Visitor, string? PreferredAgentId, string? Group);

/// <summary>An agent's availability as its grain reports it to the router.</summary>
/// <param name="Agent">The agent.</param>
/// <param name="Status">Online, away or offline; only online agents are given conversations.</param>
/// <param name="Capacity">How many conversations it takes at once.</param>
/// <param name="Groups">Its groups.</param>
/// <param name="Conversations">The conversations assigned to it (its load is their count).</param>
[Immutable]
[Alias("agentPresence")]
public sealed record AgentPresence(
    Participant Agent,
    Agents.AgentStatus Status,
    int Capacity,
    System.Collections.Immutable.ImmutableArray<string> Groups,
    System.Collections.Immutable.ImmutableArray<string> Conversations);

/// <summary>One waiting conversation.</summary>
[Immutable]
[Alias("queuedConversation")]
public sealed record QueuedConversation(string ConversationId, Participant Visitor, string? Group, DateTimeOffset Since);

/// <summary>The tenant's queue: waiting conversations oldest first, and how many agents are online.</summary>
[Immutable]
[Alias("queueSnapshot")]
public sealed record QueueSnapshot(System.Collections.Immutable.ImmutableArray<QueuedConversation> Waiting, int AgentsOnline);
