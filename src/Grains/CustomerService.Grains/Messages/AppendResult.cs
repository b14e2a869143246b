namespace CustomerService.Grains.Messages;

/// <summary>The outcome of one append: exactly one of <see cref="Stored"/>, <see cref="Duplicate"/> and
/// <see cref="SeqConflict"/>. Every outcome is final and durable when it is reported.</summary>
public abstract record AppendResult
{
    private AppendResult()
    {
    }

    /// <summary>The message was committed; acknowledge it to its sender.</summary>
    public sealed record Stored(MessageAck Ack) : AppendResult;

    /// <summary>A message with the same client message id was stored before; nothing new was stored, and
    /// <paramref name="FirstAck"/> is the acknowledgement of that first message, to be returned again. Also reported
    /// when the store wrote a batch again after a connection failure and the first attempt had committed after all, so
    /// callers acknowledge the sender with the ack of a <see cref="Duplicate"/> exactly as with a <see cref="Stored"/>.</summary>
    public sealed record Duplicate(MessageAck FirstAck) : AppendResult;

    /// <summary>Another message holds the proposed seq; nothing was stored. The caller's idea of the conversation is
    /// stale (another activation appended): reload, and retry with <paramref name="CurrentMaxSeq"/> + 1.</summary>
    public sealed record SeqConflict(long CurrentMaxSeq) : AppendResult;
}
