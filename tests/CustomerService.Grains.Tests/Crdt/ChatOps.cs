using CustomerService.Grains.Crdt;

namespace CustomerService.Grains.Tests.Crdt;

/// <summary>One step of a conversation's history, as far as read state is concerned.</summary>
internal abstract record ChatOp;

internal sealed record WriteOp(string Side) : ChatOp;

internal sealed record ReadOp(Reader Reader) : ChatOp;

internal sealed record UnreadOp(Reader Reader) : ChatOp;

/// <summary>A read mark with an explicit count, possibly above what the copy knows of.</summary>
internal sealed record ExplicitMarkOp(Reader Reader, long SeenCount) : ChatOp;

internal static class ChatOpExtensions
{
    public static ReadState Apply(this ReadState state, ChatOp op, string replica, HybridTimestamp stamp, long seq) => op switch
    {
        WriteOp write => state.RecordMessage(write.Side, replica),
        ReadOp read => state.MarkRead(read.Reader.Id, read.Reader.Side, seq, stamp, read.Reader.Hidden),
        UnreadOp unread => state.MarkUnread(unread.Reader.Id, unread.Reader.Side, seq, stamp, unread.Reader.Hidden),
        ExplicitMarkOp mark => state.MarkRead(mark.Reader.Id, new ReadMark(mark.SeenCount, seq), stamp),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown op."),
    };

    public static long Unread(this ReadState state, Reader reader) => state.Unread(reader.Id, reader.Side, reader.Hidden);
}
