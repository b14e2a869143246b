using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Runtime.Membership;

/// <summary>Writes a <see cref="SiloAddress"/> as its string form <c>host:port@generation</c>.</summary>
public sealed class SiloAddressJsonConverter : JsonConverter<SiloAddress>
{
    /// <inheritdoc />
    public override SiloAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SiloAddress.TryParse(reader.GetString(), out var address)
            ? address
            : throw new JsonException($"'{reader.GetString()}' is not a silo address of the form host:port@generation.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SiloAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
