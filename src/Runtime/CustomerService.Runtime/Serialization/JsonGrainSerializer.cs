using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CustomerService.Runtime.Serialization;

/// <summary>The JSON serializer for call arguments, results and grain state. Types found in registered
/// <see cref="JsonSerializerContext"/>s use their source-generated metadata; other types fall back to metadata built
/// once per type. Grain references are written as their identity.</summary>
public sealed class JsonGrainSerializer : IGrainSerializer
{
    /// <summary>Creates a serializer.</summary>
    /// <param name="resolvers">Source-generated contexts, searched in order before the reflection fallback.</param>
    /// <param name="referenceConverter">Reads and writes grain references; null when references are not supported.</param>
    public JsonGrainSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers, JsonConverter? referenceConverter = null)
    {
        Options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers, new DefaultJsonTypeInfoResolver()]),
            MaxDepth = 128,
        };
        if (referenceConverter is not null) Options.Converters.Add(referenceConverter);
        Options.MakeReadOnly();
    }

    /// <summary>The options in use, read-only.</summary>
    public JsonSerializerOptions Options { get; }

    /// <inheritdoc />
    public void Serialize<T>(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, TypeInfo<T>());

    /// <inheritdoc />
    public T Deserialize<T>(ref Utf8JsonReader reader) => JsonSerializer.Deserialize(ref reader, TypeInfo<T>())!;

    /// <inheritdoc />
    public byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <inheritdoc />
    public T Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize(utf8Json, TypeInfo<T>())!;

    private JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
