using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CustomerService.Grains.Conversations;

/// <summary>Source-generated JSON for the conversation contracts (camelCase, as on the wire).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Participant))]
[JsonSerializable(typeof(SendMessageCommand))]
[JsonSerializable(typeof(ConversationSnapshot))]
[JsonSerializable(typeof(ReadEvent))]
[JsonSerializable(typeof(TypingEvent))]
[JsonSerializable(typeof(ConversationView))]
[JsonSerializable(typeof(ConversationRating))]
[JsonSerializable(typeof(TransferTarget))]
[JsonSerializable(typeof(ConversationQuery))]
[JsonSerializable(typeof(ImmutableArray<ConversationView>))]
[JsonSerializable(typeof(QueueEvent))]
[JsonSerializable(typeof(MentionEvent))]
[JsonSerializable(typeof(ConversationStatus))]
[JsonSerializable(typeof(DateTimeOffset?))]
[JsonSerializable(typeof(UnreadEvent))]
[JsonSerializable(typeof(ImmutableArray<ChatMessage>))]
[JsonSerializable(typeof(ImmutableArray<Participant>))]
public sealed partial class ConversationJsonContext : JsonSerializerContext;
