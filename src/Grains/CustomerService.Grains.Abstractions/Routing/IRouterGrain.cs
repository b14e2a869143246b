using CustomerService.Runtime;

namespace CustomerService.Grains.Routing;

/// <summary>The tenant's router, keyed by tenant id: the queue of waiting conversations and the online agents'
/// load. Assigns by policy (sticky to a returning visitor's previous agent, then least loaded with free capacity,
/// within the requested group), queues when nobody is free, re-queues an offline agent's conversations, and
/// reassigns one left unanswered.</summary>
/// <remarks>Calls that would wait in a cycle deadlock turn-based grains, so awaited calls go one way only:
/// conversation → router → agent → tenant. The router answers conversations through
/// <see cref="Conversations.IConversationGrain.ApplyRouting"/> (one-way) and agents report to it through
/// <see cref="AgentPresenceChanged"/> (one-way).</remarks>
[Alias("router")]
public interface IRouterGrain : IGrainWithStringKey
{
    /// <summary>A conversation needs an agent (first visitor message, reopen, or re-queue).</summary>
    [Alias("enqueue")]
    Task<RoutingOutcome> Enqueue(RoutingRequest request);

    /// <summary>An agent takes a conversation explicitly (Accept), beyond capacity if need be.</summary>
    [Alias("accept")]
    Task<RoutingOutcome> Accept(string conversationId, Conversations.Participant agent);

    /// <summary>Moves a conversation to another agent (assigned at once, beyond capacity if need be) or to a
    /// group (assigned to a free agent of that group, else queued for it).</summary>
    [Alias("transfer")]
    Task<RoutingOutcome> Transfer(RoutingRequest request, Conversations.TransferTarget target);

    /// <summary>The assignee left the conversation unanswered too long: give it to another agent (or queue it).</summary>
    [Alias("reassign")]
    Task<RoutingOutcome> Reassign(RoutingRequest request, string unansweredAgentId);

    /// <summary>The conversation was resolved: drop it from the queue and free its agent's capacity.</summary>
    [Alias("release")]
    Task Release(string conversationId);

    /// <summary>An agent's status, capacity, groups or assignments changed (one-way, from the agent grain). Going
    /// offline re-queues its conversations; new capacity takes from the queue.</summary>
    [OneWay, Alias("agentPresenceChanged")]
    Task AgentPresenceChanged(AgentPresence presence);

    /// <summary>The waiting conversations and the number of online agents.</summary>
    [Alias("getQueue"), ReadOnly]
    Task<QueueSnapshot> GetQueue();
}
