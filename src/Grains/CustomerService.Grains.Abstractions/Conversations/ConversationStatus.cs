using System.Text.Json.Serialization;

namespace CustomerService.Grains.Conversations;

/// <summary>Where a conversation stands. Written on the wire as <c>open</c> or <c>closed</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversationStatus>))]
public enum ConversationStatus
{
    /// <summary>Messages flow.</summary>
    [JsonStringEnumMemberName("open")] Open,

    /// <summary>Closed by an agent or the system; a new visitor message reopens it.</summary>
    [JsonStringEnumMemberName("closed")] Closed,
}
