using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CustomerService.Grains;

/// <summary>Source-generated JSON for the wire types: camelCase, as the widget, the console and third-party clients
/// expect.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ChatMessage))]
[JsonSerializable(typeof(MessageAck))]
[JsonSerializable(typeof(MessageAuthor))]
[JsonSerializable(typeof(Attachment))]
[JsonSerializable(typeof(ImmutableArray<Attachment>))]
[JsonSerializable(typeof(ImmutableArray<ChatMessage>))]
public sealed partial class GrainsJsonContext : JsonSerializerContext;
