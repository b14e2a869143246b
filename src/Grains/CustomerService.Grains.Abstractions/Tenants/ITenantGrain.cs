using System.Collections.Immutable;
using CustomerService.Grains.Agents;
using CustomerService.Runtime;

namespace CustomerService.Grains.Tenants;

/// <summary>One tenant, keyed by tenant id: settings, the directory of agents (email → id), groups and canned
/// replies. Every change is validated here; a refused change throws <see cref="Conversations.ChatException"/> and
/// changes nothing.</summary>
[Alias("tenant")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant with <paramref name="settings"/> if it does not exist yet; returns whether it
    /// created it (the seed runs this at every start).</summary>
    [Alias("ensureCreated")]
    Task<bool> EnsureCreated(TenantSettings settings);

    /// <summary>Whether the tenant exists.</summary>
    [Alias("exists"), ReadOnly]
    Task<bool> Exists();

    /// <summary>The settings; <c>not_found</c> for an unknown tenant.</summary>
    [Alias("getSettings"), ReadOnly]
    Task<TenantSettings> GetSettings();

    /// <summary>Replaces the settings after validating them.</summary>
    [Alias("updateSettings")]
    Task<TenantSettings> UpdateSettings(TenantSettings settings);

    /// <summary>Creates an agent with a unique email (case-insensitive); <c>conflict</c> when taken.</summary>
    [Alias("createAgent")]
    Task<AgentProfile> CreateAgent(AgentUpdate agent);

    /// <summary>The agent id registered for an email (case-insensitive), if any.</summary>
    [Alias("findAgentId"), ReadOnly]
    Task<string?> FindAgentId(string email);

    /// <summary>Changes an agent's profile, keeping the email directory unique.</summary>
    [Alias("updateAgent")]
    Task<AgentProfile> UpdateAgent(string agentId, AgentUpdate agent);

    /// <summary>Removes an agent from the directory and the agent grain.</summary>
    [Alias("removeAgent")]
    Task RemoveAgent(string agentId);

    /// <summary>Every agent of the tenant with its current status.</summary>
    [Alias("listAgents"), ReadOnly]
    Task<ImmutableArray<AgentProfile>> ListAgents();

    /// <summary>An agent grain reports its profile changed (one-way, so agents never wait on the tenant).</summary>
    [OneWay, Alias("agentChanged")]
    Task AgentChanged(AgentProfile agent);

    /// <summary>The groups.</summary>
    [Alias("listGroups"), ReadOnly]
    Task<ImmutableArray<AgentGroup>> ListGroups();

    /// <summary>Adds or renames a group.</summary>
    [Alias("saveGroup")]
    Task<AgentGroup> SaveGroup(AgentGroup group);

    /// <summary>Deletes a group.</summary>
    [Alias("deleteGroup")]
    Task DeleteGroup(string groupId);

    /// <summary>The canned replies.</summary>
    [Alias("listCannedReplies"), ReadOnly]
    Task<ImmutableArray<CannedReply>> ListCannedReplies();

    /// <summary>Adds or replaces a canned reply (unique shortcut).</summary>
    [Alias("saveCannedReply")]
    Task<CannedReply> SaveCannedReply(CannedReply reply);

    /// <summary>Deletes a canned reply.</summary>
    [Alias("deleteCannedReply")]
    Task DeleteCannedReply(string replyId);
}
