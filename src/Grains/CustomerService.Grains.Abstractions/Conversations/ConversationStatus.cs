using System.Text.Json.Serialization;

namespace CustomerService.Grains.Conversations;

/// <summary>Where a conversation stands for the agents. Written on the wire as <c>open</c>, <c>pending</c>,
/// <c>snoozed</c> or <c>resolved</c>. A new visitor message moves any other status back to open.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversationStatus>))]
public enum ConversationStatus
{
    /// <summary>Messages flow; the conversation needs an agent's attention.</summary>
    [JsonStringEnumMemberName("open")] Open,

    /// <summary>Waiting on something outside the chat (the agent set it aside); still routed and counted.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>Set aside until <see cref="ConversationView.SnoozedUntil"/>, then open again.</summary>
    [JsonStringEnumMemberName("snoozed")] Snoozed,

    /// <summary>Closed by an agent, a bot or the system; its agent's capacity is freed.</summary>
    [JsonStringEnumMemberName("resolved")] Resolved,
}
