using System.Text.Json.Serialization;

namespace CustomerService.Grains.Conversations;

/// <summary>Source-generated JSON for the conversation grain's persistent state (camelCase, as the grain serializer
/// writes).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ConversationState))]
public sealed partial class ConversationStateJsonContext : JsonSerializerContext;
