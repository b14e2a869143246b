using System.Collections.Immutable;
using CustomerService.Grains.Conversations;
using CustomerService.Runtime;

namespace CustomerService.Grains.Agents;

/// <summary>One agent, keyed <c>{tenant}/{agentId}</c>: profile, password hash, status and capacity, the
/// connections it has open (several tabs and devices at once; none kicks another out), the conversations assigned to
/// it with their unread counts, and the unread total. Created by <see cref="Tenants.ITenantGrain.CreateAgent"/>.</summary>
[Alias("agent")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Sets up a new agent (called by the tenant grain); refused with <c>conflict</c> if it exists.</summary>
    [Alias("initialize")]
    Task<AgentProfile> Initialize(AgentUpdate profile);

    /// <summary>The profile; <c>not_found</c> for an agent never created or removed.</summary>
    [Alias("getProfile"), ReadOnly]
    Task<AgentProfile> GetProfile();

    /// <summary>The password hash to check a login against; null when the agent does not exist or was removed.</summary>
    [Alias("getPasswordHash"), ReadOnly]
    Task<string?> GetPasswordHash();

    /// <summary>An admin changes the profile (and the password when a hash is given).</summary>
    [Alias("update")]
    Task<AgentProfile> Update(AgentUpdate profile);

    /// <summary>Removes the agent: offline, its conversations re-queued, logins refused.</summary>
    [Alias("remove")]
    Task Remove();

    /// <summary>Sets online, away or offline; the router hears of it.</summary>
    [Alias("setStatus")]
    Task<AgentProfile> SetStatus(AgentStatus status);

    /// <summary>Sets how many conversations the agent takes at once (1..50).</summary>
    [Alias("setCapacity")]
    Task<AgentProfile> SetCapacity(int capacity);

    /// <summary>A console connection opened (a tab or device). Connections expire unless renewed; when the last one
    /// is gone for the grace period, an online agent goes offline.</summary>
    [Alias("connect")]
    Task Connect(string connectionId);

    /// <summary>A console connection closed.</summary>
    [Alias("disconnect")]
    Task Disconnect(string connectionId);

    /// <summary>The conversations assigned to the agent, with its unread count in each.</summary>
    [Alias("getConversations"), ReadOnly]
    Task<ImmutableArray<AgentConversation>> GetConversations();

    /// <summary>The agent's unread total over its assigned conversations.</summary>
    [Alias("getUnreadTotal"), ReadOnly]
    Task<long> GetUnreadTotal();

    /// <summary>Subscribes (or renews) a front-end observer for this agent's events.</summary>
    [Alias("subscribe")]
    Task Subscribe(IAgentObserver observer);

    /// <summary>Removes an observer.</summary>
    [Alias("unsubscribe")]
    Task Unsubscribe(IAgentObserver observer);

    /// <summary>The router gives the agent a conversation; false when it has no free capacity, is not online or does
    /// not exist (<paramref name="force"/> ignores capacity and status: accept and transfer to a named agent).</summary>
    [Alias("tryAssign")]
    Task<bool> TryAssign(ConversationView conversation, bool force);

    /// <summary>The conversation left the agent (resolved, transferred, re-queued). One-way.</summary>
    [OneWay, Alias("unassigned")]
    Task Unassigned(string conversationId);

    /// <summary>The agent's unread count in a conversation changed. One-way, from the conversation.</summary>
    [OneWay, Alias("unreadChanged")]
    Task UnreadChanged(string conversationId, long count);

    /// <summary>A conversation of the agent changed (status, labels, rating). One-way, from the conversation.</summary>
    [OneWay, Alias("conversationChanged")]
    Task ConversationChanged(ConversationView conversation);

    /// <summary>A private note mentioned the agent. One-way, from the conversation.</summary>
    [OneWay, Alias("mentioned")]
    Task Mentioned(MentionEvent mention);

    /// <summary>The tenant's queue length changed. One-way, from the router.</summary>
    [OneWay, Alias("queueChanged")]
    Task QueueChanged(int waiting);
}
