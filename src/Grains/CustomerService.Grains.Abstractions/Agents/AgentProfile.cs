using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CustomerService.Runtime;

namespace CustomerService.Grains.Agents;

/// <summary>An agent's status: <c>online</c> (takes conversations), <c>away</c> (keeps its conversations, takes no
/// new ones) or <c>offline</c> (its conversations go back to the queue).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentStatus>))]
public enum AgentStatus
{
    /// <summary>Signed out or gone.</summary>
    [JsonStringEnumMemberName("offline")] Offline,

    /// <summary>Takes new conversations up to its capacity.</summary>
    [JsonStringEnumMemberName("online")] Online,

    /// <summary>Keeps its conversations; takes no new ones.</summary>
    [JsonStringEnumMemberName("away")] Away,
}

/// <summary>An agent's role: <c>agent</c> or <c>admin</c> (also manages agents, groups, canned replies and settings).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentRole>))]
public enum AgentRole
{
    /// <summary>Answers conversations.</summary>
    [JsonStringEnumMemberName("agent")] Agent,

    /// <summary>Answers conversations and administers the tenant.</summary>
    [JsonStringEnumMemberName("admin")] Admin,
}

/// <summary>The wire type <c>agent</c>. Never holds the password hash.</summary>
[Immutable]
[Alias("agentProfile")]
public sealed record AgentProfile(
    string Id,
    string Email,
    string Name,
    AgentRole Role,
    AgentStatus Status,
    int Capacity,
    ImmutableArray<string> Groups);

/// <summary>What an admin sets on an agent; <see cref="PasswordHash"/> null keeps the current password.</summary>
[Immutable]
[Alias("agentUpdate")]
public sealed record AgentUpdate(
    string Email,
    string Name,
    AgentRole Role,
    int Capacity,
    ImmutableArray<string> Groups,
    string? PasswordHash);

/// <summary>One conversation assigned to an agent, with the agent's unread count in it.</summary>
[Immutable]
[Alias("agentConversation")]
public sealed record AgentConversation(string ConversationId, long Unread);

/// <summary>The agent's <c>unread</c> event: <c>{conversationId, count, total}</c>.</summary>
[Immutable]
[Alias("agentUnreadEvent")]
public sealed record AgentUnreadEvent(string ConversationId, long Count, long Total);

/// <summary>The agent's <c>queue</c> event: how many conversations wait for an agent.</summary>
[Immutable]
[Alias("queueSizeEvent")]
public sealed record QueueSizeEvent(int Waiting);
