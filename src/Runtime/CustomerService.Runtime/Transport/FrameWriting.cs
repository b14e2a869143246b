using System.Buffers;
using System.Text.Json;

namespace CustomerService.Runtime.Transport;

/// <summary>One frame being written: its JSON body goes straight into the connection's <see cref="FrameBuffer"/>
/// behind a reserved length prefix, through a JSON writer reused by the thread, so a frame allocates no buffer, writer
/// or delegate. Any other output (tests, tools) gets the frame copied from a scratch buffer.</summary>
internal readonly struct FrameWriting
{
    [ThreadStatic] private static Utf8JsonWriter? json;
    [ThreadStatic] private static FrameBuffer? scratch;

    // Where a writer points between frames, so that it holds on to no connection's buffer.
    private static readonly ArrayBufferWriter<byte> Nowhere = new(1);

    private readonly FrameBuffer buffer;
    private readonly int prefixAt;
    private readonly IBufferWriter<byte>? copyTo;

    private FrameWriting(FrameBuffer buffer, int prefixAt, IBufferWriter<byte>? copyTo, Utf8JsonWriter writer)
    {
        this.buffer = buffer;
        this.prefixAt = prefixAt;
        this.copyTo = copyTo;
        Json = writer;
    }

    public Utf8JsonWriter Json { get; }

    public static FrameWriting Begin(IBufferWriter<byte> output)
    {
        var target = output as FrameBuffer;
        IBufferWriter<byte>? copyTo = null;
        if (target is null)
        {
            target = scratch ??= new FrameBuffer(1024);
            target.Clear();
            copyTo = output;
        }

        var prefixAt = target.ReservePrefix();
        var writer = json ??= new Utf8JsonWriter(Nowhere);
        writer.Reset(target);
        return new FrameWriting(target, prefixAt, copyTo, writer);
    }

    /// <summary>Completes the frame: flushes the body and writes its length in front of it.</summary>
    public void End()
    {
        Json.Flush();
        buffer.PatchPrefix(prefixAt);
        Json.Reset(Nowhere);
        if (copyTo is null) return;
        copyTo.Write(buffer.WrittenSpan);
        buffer.Clear();
    }

    /// <summary>Drops the frame written so far (its body failed to serialize); frames before it stay whole.</summary>
    public void Abandon()
    {
        Json.Reset(Nowhere);
        buffer.Truncate(prefixAt);
    }
}
