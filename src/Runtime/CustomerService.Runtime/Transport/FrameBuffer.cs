using System.Buffers;
using System.Buffers.Binary;

namespace CustomerService.Runtime.Transport;

/// <summary>The bytes of frames waiting to be written to a connection. A frame's body is written straight into it and
/// its length prefix patched in afterwards, so a frame costs no buffer of its own; a frame that fails half-way is cut
/// off again.</summary>
internal sealed class FrameBuffer(int initialCapacity = FrameBuffer.DefaultCapacity) : IBufferWriter<byte>
{
    private const int DefaultCapacity = 16 * 1024;

    // A burst can grow the buffer a lot; an idle connection should not keep that for ever.
    private const int KeepAtMost = 256 * 1024;

    private byte[] buffer = new byte[initialCapacity];

    public int WrittenCount { get; private set; }

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, WrittenCount);

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, WrittenCount);

    public void Advance(int count)
    {
        if ((uint)count > (uint)(buffer.Length - WrittenCount)) throw new ArgumentOutOfRangeException(nameof(count));
        WrittenCount += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(WrittenCount);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(WrittenCount);
    }

    /// <summary>Empties the buffer once its bytes are written.</summary>
    public void Clear()
    {
        WrittenCount = 0;
        if (buffer.Length > KeepAtMost) buffer = new byte[DefaultCapacity];
    }

    /// <summary>Reserves room for a 4-byte length prefix; returns where it is.</summary>
    public int ReservePrefix()
    {
        Ensure(4);
        var at = WrittenCount;
        WrittenCount += 4;
        return at;
    }

    /// <summary>Writes the length of the frame whose prefix is at <paramref name="prefixAt"/>: everything after it.</summary>
    public int PatchPrefix(int prefixAt)
    {
        var length = WrittenCount - prefixAt - 4;
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(prefixAt, 4), length);
        return length;
    }

    /// <summary>Drops everything written after <paramref name="count"/> bytes (a frame that failed half-way).</summary>
    public void Truncate(int count) => WrittenCount = Math.Min(count, WrittenCount);

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 256);
        if (buffer.Length - WrittenCount >= needed) return;
        var size = Math.Max(buffer.Length * 2, WrittenCount + needed);
        Array.Resize(ref buffer, size);
    }
}
