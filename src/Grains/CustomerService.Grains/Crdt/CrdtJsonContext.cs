using System.Text.Json.Serialization;

namespace CustomerService.Grains.Crdt;

/// <summary>Source-generated JSON metadata for the CRDT types (camelCase, as the grain serializer writes).
/// Register it with the grain serializer so grain state holding these types needs no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HybridTimestamp))]
[JsonSerializable(typeof(GCounter))]
[JsonSerializable(typeof(ReadMark))]
[JsonSerializable(typeof(LwwRegister<ReadMark>))]
[JsonSerializable(typeof(LwwRegister<string>))]
[JsonSerializable(typeof(ReadState))]
public sealed partial class CrdtJsonContext : JsonSerializerContext;
