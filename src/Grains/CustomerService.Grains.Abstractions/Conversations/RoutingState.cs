using System.Text.Json.Serialization;

namespace CustomerService.Grains.Conversations;

/// <summary>Who is answering a conversation. Written on the wire as <c>none</c>, <c>queued</c>, <c>assigned</c>
/// or <c>bot</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoutingState>))]
public enum RoutingState
{
    /// <summary>Not routed: no visitor message yet, or resolved.</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>Waiting in the tenant's queue for an agent.</summary>
    [JsonStringEnumMemberName("queued")] Queued,

    /// <summary>An agent has it (<see cref="ConversationView.Assignee"/>).</summary>
    [JsonStringEnumMemberName("assigned")] Assigned,

    /// <summary>No agent is online and the tenant's bot answered; it stays queued for the first agent online.</summary>
    [JsonStringEnumMemberName("bot")] Bot,
}
