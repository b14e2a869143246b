using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using CustomerService.Runtime.Invocation;
using CustomerService.Runtime.Serialization;

namespace CustomerService.Runtime.Transport;

/// <summary>Frames calls and responses for a byte stream: a 4-byte little-endian length, then one UTF-8 JSON object.
/// A request is <c>{"id","kind","target","source","method","args":[...]}</c>; a response is <c>{"id","result"}</c> or
/// <c>{"id","error"}</c>. JSON keeps frames readable in a packet capture; the arguments and results are written by the
/// same generated code and serializer that copy in-process calls.</summary>
internal sealed class MessageCodec(IGrainSerializer serializer, ExceptionCodec exceptions, int maxFrameBytes = MessageCodec.DefaultMaxFrameBytes)
{
    /// <summary>Frames larger than this are refused (16 MiB).</summary>
    public const int DefaultMaxFrameBytes = 16 * 1024 * 1024;

    private const int LengthPrefix = 4;

    public void WriteRequest(IBufferWriter<byte> output, long id, GrainId target, GrainId? source, GrainRequest request, bool oneWay, int forwardCount = 0)
        => WriteFrame(output, writer =>
        {
            writer.WriteNumber("id", id);
            writer.WriteString("kind", oneWay ? "oneway" : "request");
            if (forwardCount > 0) writer.WriteNumber("fwd", forwardCount);
            WriteGrainId(writer, "target", target);
            if (source is { } from) WriteGrainId(writer, "source", from);
            writer.WriteString("method", request.RequestAlias);
            writer.WritePropertyName("args");
            request.WriteArguments(writer, serializer);
        });

    public void WriteResponse(IBufferWriter<byte> output, long id, Response response)
        => WriteFrame(output, writer =>
        {
            writer.WriteNumber("id", id);
            writer.WriteString("kind", "response");
            if (response.Exception is { } exception)
            {
                writer.WritePropertyName("error");
                serializer.Serialize(writer, exceptions.Encode(exception));
            }
            else
            {
                writer.WritePropertyName("result");
                response.WriteResult(writer, serializer);
            }
        });

    /// <summary>Takes one whole frame off the front of <paramref name="buffer"/>, if it has arrived.</summary>
    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < LengthPrefix) return false;
        Span<byte> prefix = stackalloc byte[LengthPrefix];
        buffer.Slice(0, LengthPrefix).CopyTo(prefix);
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length <= 0 || length > maxFrameBytes)
            throw new InvalidDataException($"A frame announced {length} bytes; frames must be 1 to {maxFrameBytes} bytes. The peer is not speaking this protocol.");
        if (buffer.Length < LengthPrefix + length) return false;
        frame = buffer.Slice(LengthPrefix, length);
        buffer = buffer.Slice(LengthPrefix + length);
        return true;
    }

    /// <summary>Reads a frame. A response is read with the request it answers, found by
    /// <paramref name="pendingRequest"/>; null when the caller gave up on it (its response is then dropped).</summary>
    public WireMessage? Read(ReadOnlySequence<byte> frame, Func<long, GrainRequest?> pendingRequest)
    {
        var reader = new Utf8JsonReader(frame);
        Expect(ref reader, JsonTokenType.StartObject);
        long id = 0;
        var forwards = 0;
        string? kind = null, method = null;
        GrainId? target = null, source = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id": id = reader.GetInt64(); break;
                case "kind": kind = reader.GetString(); break;
                case "fwd": forwards = reader.GetInt32(); break;
                case "target": target = ReadGrainId(ref reader); break;
                case "source": source = ReadGrainId(ref reader); break;
                case "method": method = reader.GetString(); break;
                case "args":
                    if (kind is not ("request" or "oneway") || target is null || method is null)
                        throw new InvalidDataException("A request frame must give id, kind, target and method before its arguments.");
                    var request = GrainManifest.CreateRequest(method);
                    request.ReadArguments(ref reader, serializer);
                    return new WireRequest(id, target.Value, source, request, kind == "oneway", forwards);
                case "result":
                    if (pendingRequest(id) is not { } asked) return null;
                    return new WireResponse(id, ReadOrFail(ref reader, asked, id));
                case "error":
                    return new WireResponse(id, DecodeOrFail(ref reader, id));
                default:
                    reader.Skip();
                    break;
            }
        }

        throw new InvalidDataException($"A frame of kind '{kind ?? "none"}' ended without arguments, result or error.");
    }

    // A response that cannot be read fails its own call only. Frames are delimited by their length, so the next frame
    // is intact; throwing would end the connection's read loop and fail every other call waiting on the connection.
    private Response ReadOrFail(ref Utf8JsonReader reader, GrainRequest asked, long id)
    {
        try
        {
            return asked.ReadResult(ref reader, serializer);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or InvalidDataException)
        {
            return Response.FromException(new GrainInvocationException($"The result of call {id} could not be read: {e.Message}"));
        }
    }

    private Response DecodeOrFail(ref Utf8JsonReader reader, long id)
    {
        try
        {
            return Response.FromException(exceptions.Decode(serializer.Deserialize<ExceptionInfo>(ref reader)));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or InvalidDataException
                                      or System.Reflection.TargetException or System.Reflection.TargetInvocationException)
        {
            return Response.FromException(new GrainInvocationException($"The error of call {id} could not be read: {e.Message}"));
        }
    }

    private static void WriteFrame(IBufferWriter<byte> output, Action<Utf8JsonWriter> body)
    {
        var payload = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(LengthPrefix), payload.WrittenCount);
        output.Advance(LengthPrefix);
        output.Write(payload.WrittenSpan);
    }

    private static void WriteGrainId(Utf8JsonWriter writer, string name, GrainId id)
    {
        writer.WriteStartObject(name);
        writer.WriteString("type", id.Type);
        writer.WriteString("key", id.Key);
        writer.WriteEndObject();
    }

    private static GrainId ReadGrainId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("A grain id must be an object.");
        string? type = null, key = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "type") type = reader.GetString();
            else if (name == "key") key = reader.GetString();
            else reader.Skip();
        }

        return type is null || key is null ? throw new InvalidDataException("A grain id needs a type and a key.") : new GrainId(type, key);
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
        => reader.Read() ? reader.TokenType : throw new InvalidDataException("The frame ended in the middle of a JSON value.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type) throw new InvalidDataException($"Expected {type} in a frame, found {reader.TokenType}.");
    }
}
