using System.Text.Json.Serialization;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;

namespace CustomerService.Grains.Routing;

/// <summary>The router's persistent state: the queue, the agents as they last reported, who has which conversation,
/// recent waits (for estimates) and the decision version.</summary>
public sealed class RouterState
{
    /// <summary>Grows with every decision; conversations ignore decisions older than the last they applied.</summary>
    public long Version { get; set; }

    /// <summary>Waiting conversations, oldest (next) first.</summary>
    public List<QueueEntry> Queue { get; set; } = [];

    /// <summary>Agents by id, as they last reported.</summary>
    public Dictionary<string, AgentEntry> Agents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Assigned conversations by key.</summary>
    public Dictionary<string, Assignment> Assignments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last waits (seconds) of conversations taken from the queue, newest last.</summary>
    public List<double> RecentWaits { get; set; } = [];
}

/// <summary>A waiting conversation.</summary>
public sealed record QueueEntry(string ConversationId, Participant Visitor, string? Group, string? PreferredAgentId, DateTimeOffset Since);

/// <summary>A conversation and the agent that has it.</summary>
public sealed record Assignment(string AgentId, Participant Visitor, string? Group);

/// <summary>An agent as its grain last reported it, and when it was last given a conversation (ties go to the one
/// idle longest).</summary>
public sealed record AgentEntry(
    Participant Agent,
    AgentStatus Status,
    int Capacity,
    [property: JsonPropertyName("groups")] string[] Groups,
    string[] Conversations,
    DateTimeOffset LastAssignedAt);

/// <summary>Source-generated JSON for the router's state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RouterState))]
public sealed partial class RouterStateJsonContext : JsonSerializerContext;
