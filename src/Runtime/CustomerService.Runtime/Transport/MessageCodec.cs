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

    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText ForwardsName = JsonEncodedText.Encode("fwd");
    private static readonly JsonEncodedText TargetName = JsonEncodedText.Encode("target");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText MethodName = JsonEncodedText.Encode("method");
    private static readonly JsonEncodedText ArgsName = JsonEncodedText.Encode("args");
    private static readonly JsonEncodedText ResultName = JsonEncodedText.Encode("result");
    private static readonly JsonEncodedText ErrorName = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText KeyName = JsonEncodedText.Encode("key");
    private static readonly JsonEncodedText RequestKind = JsonEncodedText.Encode("request");
    private static readonly JsonEncodedText OneWayKind = JsonEncodedText.Encode("oneway");
    private static readonly JsonEncodedText ResponseKind = JsonEncodedText.Encode("response");

    public void WriteRequest(IBufferWriter<byte> output, long id, GrainId target, GrainId? source, GrainRequest request, bool oneWay, int forwardCount = 0)
    {
        var frame = FrameWriting.Begin(output);
        try
        {
            var writer = frame.Json;
            writer.WriteStartObject();
            writer.WriteNumber(IdName, id);
            writer.WriteString(KindName, oneWay ? OneWayKind : RequestKind);
            if (forwardCount > 0) writer.WriteNumber(ForwardsName, forwardCount);
            WriteGrainId(writer, TargetName, target);
            if (source is { } from) WriteGrainId(writer, SourceName, from);
            writer.WriteString(MethodName, request.RequestAlias);
            writer.WritePropertyName(ArgsName);
            request.WriteArguments(writer, serializer);
            writer.WriteEndObject();
        }
        catch
        {
            frame.Abandon();
            throw;
        }

        frame.End();
    }

    public void WriteResponse(IBufferWriter<byte> output, long id, Response response)
    {
        var frame = FrameWriting.Begin(output);
        try
        {
            var writer = frame.Json;
            writer.WriteStartObject();
            writer.WriteNumber(IdName, id);
            writer.WriteString(KindName, ResponseKind);
            if (response.Exception is { } exception)
            {
                writer.WritePropertyName(ErrorName);
                serializer.Serialize(writer, exceptions.Encode(exception));
            }
            else
            {
                writer.WritePropertyName(ResultName);
                response.WriteResult(writer, serializer);
            }

            writer.WriteEndObject();
        }
        catch
        {
            frame.Abandon();
            throw;
        }

        frame.End();
    }

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
        FrameKind? kind = null;
        string? method = null;
        GrainId? target = null, source = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            // Property names and the kind are compared as UTF-8 bytes: no string per property and frame.
            var name = Property(ref reader);
            reader.Read();
            switch (name)
            {
                case FrameProperty.Id: id = reader.GetInt64(); break;
                case FrameProperty.Kind: kind = ReadKind(ref reader); break;
                case FrameProperty.Forwards: forwards = reader.GetInt32(); break;
                case FrameProperty.Target: target = ReadGrainId(ref reader); break;
                case FrameProperty.Source: source = ReadGrainId(ref reader); break;
                case FrameProperty.Method: method = reader.GetString(); break;
                case FrameProperty.Args:
                    if (kind is not (FrameKind.Request or FrameKind.OneWay) || target is null || method is null)
                        throw new InvalidDataException("A request frame must give id, kind, target and method before its arguments.");
                    var request = GrainManifest.CreateRequest(method);
                    request.ReadArguments(ref reader, serializer);
                    return new WireRequest(id, target.Value, source, request, kind == FrameKind.OneWay, forwards);
                case FrameProperty.Result:
                    if (pendingRequest(id) is not { } asked) return null;
                    return new WireResponse(id, ReadOrFail(ref reader, asked, id));
                case FrameProperty.Error:
                    return new WireResponse(id, DecodeOrFail(ref reader, id));
                default:
                    reader.Skip();
                    break;
            }
        }

        throw new InvalidDataException($"A frame of kind '{kind?.ToString() ?? "none"}' ended without arguments, result or error.");
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

    private static void WriteGrainId(Utf8JsonWriter writer, JsonEncodedText name, GrainId id)
    {
        writer.WriteStartObject(name);
        writer.WriteString(TypeName, id.Type);
        writer.WriteString(KeyName, id.Key);
        writer.WriteEndObject();
    }

    private static FrameProperty Property(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("id"u8)) return FrameProperty.Id;
        if (reader.ValueTextEquals("kind"u8)) return FrameProperty.Kind;
        if (reader.ValueTextEquals("target"u8)) return FrameProperty.Target;
        if (reader.ValueTextEquals("source"u8)) return FrameProperty.Source;
        if (reader.ValueTextEquals("method"u8)) return FrameProperty.Method;
        if (reader.ValueTextEquals("args"u8)) return FrameProperty.Args;
        if (reader.ValueTextEquals("result"u8)) return FrameProperty.Result;
        if (reader.ValueTextEquals("error"u8)) return FrameProperty.Error;
        if (reader.ValueTextEquals("fwd"u8)) return FrameProperty.Forwards;
        return FrameProperty.Other;
    }

    private static FrameKind ReadKind(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("request"u8)) return FrameKind.Request;
        if (reader.ValueTextEquals("oneway"u8)) return FrameKind.OneWay;
        if (reader.ValueTextEquals("response"u8)) return FrameKind.Response;
        return reader.TokenType == JsonTokenType.String ? FrameKind.Other : throw new InvalidDataException("A frame's kind must be a string.");
    }

    private enum FrameProperty { Other, Id, Kind, Forwards, Target, Source, Method, Args, Result, Error }

    private enum FrameKind { Other, Request, OneWay, Response }

    private static GrainId ReadGrainId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("A grain id must be an object.");
        string? type = null, key = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            var isKey = !isType && reader.ValueTextEquals("key"u8);
            reader.Read();
            if (isType) type = reader.GetString();
            else if (isKey) key = reader.GetString();
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
