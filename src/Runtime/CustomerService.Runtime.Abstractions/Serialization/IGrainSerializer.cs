using System.Text.Json;

namespace CustomerService.Runtime.Serialization;

/// <summary>Writes and reads call arguments, results and state as JSON. The same serializer copies in-process calls
/// and carries them between silos.</summary>
public interface IGrainSerializer
{
    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    void Serialize<T>(Utf8JsonWriter writer, T value);

    /// <summary>Reads one JSON value as <typeparamref name="T"/>; the reader is positioned on its first token.</summary>
    T Deserialize<T>(ref Utf8JsonReader reader);

    /// <summary>Serializes <paramref name="value"/> to UTF-8 JSON bytes.</summary>
    byte[] SerializeToUtf8Bytes<T>(T value);

    /// <summary>Reads a value from UTF-8 JSON bytes.</summary>
    T Deserialize<T>(ReadOnlySpan<byte> utf8Json);
}
