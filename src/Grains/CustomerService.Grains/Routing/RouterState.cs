using System.Text.Json.Serialization;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;

namespace CustomerService.Grains.Routing;

/// <summary>The router's persistent state: only what routing needs after a restart — the queue, the agents as they
/// last reported, who has which open conversation (a released conversation leaves), recent waits (for estimates) and
/// the ceiling of decision versions. It is written once per call that changed any of it, never for a call that
/// changed nothing durable (see <c>RouterGrain.Commit.cs</c>).</summary>
public sealed class RouterState
{
    /// <summary>The ceiling of decision versions: every version handed out is at most this, and a new activation hands
    /// out versions above it only. Conversations ignore decisions older than the last they applied, so versions must
    /// grow across restarts; reserving them in blocks spares a write for decisions that change nothing else.</summary>
    public long Version { get; set; }

    /// <summary>Waiting conversations, oldest (next) first.</summary>
    public List<QueueEntry> Queue { get; set; } = [];

    /// <summary>Agents by id, as they last reported (without their conversation lists: those are kept in memory and
    /// count only until the agent's next report; <see cref="Assignments"/> is what the router itself decided).</summary>
    public Dictionary<string, AgentEntry> Agents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Assigned open conversations by key; resolving one (<c>Release</c>) removes it.</summary>
    public Dictionary<string, Assignment> Assignments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last waits (seconds) of conversations taken from the queue, newest last.</summary>
    public List<double> RecentWaits { get; set; } = [];
}

/// <summary>A waiting conversation.</summary>
public sealed record QueueEntry(string ConversationId, Participant Visitor, string? Group, string? PreferredAgentId, DateTimeOffset Since);

/// <summary>A conversation and the agent that has it.</summary>
public sealed record Assignment(string AgentId, Participant Visitor, string? Group);

/// <summary>An agent as its grain last reported it, and when it was last given a conversation (ties go to the one
/// idle longest). State written before this layout also holds the agent's conversation list; it is ignored.</summary>
public sealed record AgentEntry(
    Participant Agent,
    AgentStatus Status,
    int Capacity,
    string[] Groups,
    DateTimeOffset LastAssignedAt)
{
    /// <summary>Whether <paramref name="other"/> holds the same values (the record's own equality compares the
    /// groups array by reference).</summary>
    public bool SameAs(AgentEntry? other) =>
        other is not null && Agent == other.Agent && Status == other.Status && Capacity == other.Capacity
        && LastAssignedAt == other.LastAssignedAt && Groups.AsSpan().SequenceEqual(other.Groups);
}

/// <summary>Source-generated JSON for the router's state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RouterState))]
public sealed partial class RouterStateJsonContext : JsonSerializerContext;
