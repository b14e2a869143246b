using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Serialization;

/// <summary>Writes a grain or observer reference as its identity and interface, and reads it back as a proxy bound to
/// this process's invoker, so references can be passed in calls and kept in state.</summary>
public sealed class GrainReferenceJsonConverter(Func<IGrainCallInvoker> invoker) : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert)
        => typeof(IAddressable).IsAssignableFrom(typeToConvert)
           && (typeToConvert.IsInterface || typeof(GrainReference).IsAssignableFrom(typeToConvert));

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(ReferenceConverter<>).MakeGenericType(typeToConvert), invoker)!;

    private sealed class ReferenceConverter<T>(Func<IGrainCallInvoker> invoker) : JsonConverter<T> where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            string? type = null, key = null, interfaceAlias = null;
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A grain reference must be a JSON object.");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "type": type = reader.GetString(); break;
                    case "key": key = reader.GetString(); break;
                    case "interface": interfaceAlias = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }

            if (type is null || key is null || interfaceAlias is null)
                throw new JsonException("A grain reference needs 'type', 'key' and 'interface'.");
            var entry = GrainManifest.TryGetInterface(interfaceAlias, out var found)
                ? found
                : typeToConvert.IsInterface && typeToConvert != typeof(IAddressable) && typeToConvert != typeof(IGrainObserver)
                    ? GrainManifest.GetInterface(typeToConvert)
                    : throw new JsonException($"Unknown grain interface '{interfaceAlias}' in a grain reference.");
            return entry.CreateProxy(new GrainId(type, key), invoker()) as T
                   ?? throw new JsonException($"A reference to {interfaceAlias} cannot be read as {typeToConvert.Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is not GrainReference reference)
                throw new JsonException($"Only grain references can be serialized as {typeof(T).Name}; got {value.GetType().Name}. " +
                                        "Pass the reference returned by IGrainFactory, not the object itself.");
            writer.WriteStartObject();
            writer.WriteString("type", reference.GrainId.Type);
            writer.WriteString("key", reference.GrainId.Key);
            writer.WriteString("interface", GrainManifest.GetInterface(reference.InterfaceType).Alias);
            writer.WriteEndObject();
        }
    }
}
