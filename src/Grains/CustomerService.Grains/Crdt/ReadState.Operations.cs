namespace CustomerService.Grains.Crdt;

public sealed partial record ReadState
{
    /// <summary>How many messages <paramref name="side"/> has written.</summary>
    /// <exception cref="ArgumentException"><paramref name="side"/> is null or empty.</exception>
    public long MessageCount(string side)
    {
        ArgumentException.ThrowIfNullOrEmpty(side);
        return Messages.TryGetValue(side, out var counter) ? counter.Value : 0;
    }

    /// <summary>How many messages a reader on <paramref name="readerSide"/> counts: those of every other side
    /// not in <paramref name="hiddenSides"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="readerSide"/> is null or empty.</exception>
    public long OthersCount(string readerSide, IReadOnlySet<string>? hiddenSides = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerSide);
        long total = 0;
        foreach (var (side, counter) in Messages)
        {
            if (side == readerSide || (hiddenSides?.Contains(side) ?? false)) continue;
            total = checked(total + counter.Value);
        }
        return total;
    }

    /// <summary>The read mark of <paramref name="reader"/>, or null if it never marked anything.</summary>
    /// <exception cref="ArgumentException"><paramref name="reader"/> is null or empty.</exception>
    public ReadMark? ReadMarkOf(string reader)
    {
        ArgumentException.ThrowIfNullOrEmpty(reader);
        return ReadMarks.TryGetValue(reader, out var register) ? register.Value : null;
    }

    /// <summary>Counts one message written by <paramref name="side"/>, in <paramref name="replica"/>'s slot.</summary>
    /// <param name="side">The author side, e.g. "visitor" or "agent".</param>
    /// <param name="replica">The slot: a writer replica's own, or one slot that every copy counts the same message
    /// log into (copies then hold counts of prefixes of one log, and the per-slot maximum keeps the longer).</param>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    public ReadState RecordMessage(string side, string replica)
    {
        ArgumentException.ThrowIfNullOrEmpty(side);
        ArgumentException.ThrowIfNullOrEmpty(replica);
        var counter = Messages.GetValueOrDefault(side) ?? GCounter.Empty;
        return new ReadState(Messages.SetItem(side, counter.Increment(replica)), ReadMarks, true);
    }

    /// <summary>The same counts with each side's total in one slot: for adopting <paramref name="slot"/> as the only
    /// slot of state whose counts were kept per replica. Not a CRDT operation: apply it to a copy whose slots all count
    /// disjoint messages of one log (as per-replica slots of one state do), never to a merge of two copies.</summary>
    /// <exception cref="ArgumentException"><paramref name="slot"/> is null or empty.</exception>
    public ReadState InSingleSlot(string slot)
    {
        ArgumentException.ThrowIfNullOrEmpty(slot);
        var messages = Messages;
        foreach (var (side, counter) in Messages)
        {
            if (counter.Value == 0 || (counter.Slots.Count == 1 && counter.Slots.ContainsKey(slot))) continue;
            messages = messages.SetItem(side, GCounter.Empty.Increment(slot, counter.Value));
        }

        return ReferenceEquals(messages, Messages) ? this : new ReadState(messages, ReadMarks, true);
    }

    /// <summary>Marks everything this copy counts for the reader as read: its mark becomes
    /// (<see cref="OthersCount"/>, <paramref name="seq"/>) unless a later mark is already there.</summary>
    /// <param name="reader">The reader id.</param>
    /// <param name="readerSide">The reader's own side.</param>
    /// <param name="seq">The seq of the last message the reader has read.</param>
    /// <param name="stamp">The stamp of this write, from the replica's <see cref="HybridLogicalClock"/>.</param>
    /// <param name="hiddenSides">Sides the reader does not see (see the remarks on <see cref="ReadState"/>).</param>
    /// <exception cref="ArgumentException">An id or side is null or empty, or <paramref name="stamp"/> is the default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seq"/> is negative.</exception>
    public ReadState MarkRead(string reader, string readerSide, long seq, HybridTimestamp stamp, IReadOnlySet<string>? hiddenSides = null) =>
        MarkRead(reader, new ReadMark(OthersCount(readerSide, hiddenSides), seq), stamp);

    /// <summary>Sets the reader's mark to <paramref name="mark"/> unless a later mark is already there. For a
    /// caller that knows the count the reader had seen (e.g. it read up to an earlier seq). A count above what this
    /// copy knows of is kept as is: it becomes exact once the copies that know those messages are merged in.</summary>
    /// <exception cref="ArgumentException"><paramref name="reader"/> is null or empty, or <paramref name="stamp"/> is the default.</exception>
    public ReadState MarkRead(string reader, ReadMark mark, HybridTimestamp stamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(reader);
        var register = ReadMarks.TryGetValue(reader, out var current)
            ? current.Set(mark, stamp)
            : new LwwRegister<ReadMark>(mark, stamp);
        return ReferenceEquals(register, current) ? this : new ReadState(Messages, ReadMarks.SetItem(reader, register), true);
    }

    /// <summary>Marks the conversation unread for the reader: its mark moves back so that the last message it
    /// counts is unread again (unread becomes 1 on this copy; 0 if there is nothing it counts). Last writer wins, so
    /// this survives a merge with any earlier read mark.</summary>
    /// <param name="reader">The reader id.</param>
    /// <param name="readerSide">The reader's own side.</param>
    /// <param name="seq">The seq the mark moves back to (the caller knows the log; usually the one before the last
    /// message the reader counts).</param>
    /// <param name="stamp">The stamp of this write, from the replica's <see cref="HybridLogicalClock"/>.</param>
    /// <param name="hiddenSides">Sides the reader does not see (see the remarks on <see cref="ReadState"/>).</param>
    /// <exception cref="ArgumentException">An id or side is null or empty, or <paramref name="stamp"/> is the default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seq"/> is negative.</exception>
    public ReadState MarkUnread(string reader, string readerSide, long seq, HybridTimestamp stamp, IReadOnlySet<string>? hiddenSides = null) =>
        MarkRead(reader, new ReadMark(Math.Max(0, OthersCount(readerSide, hiddenSides) - 1), seq), stamp);

    /// <summary>How many messages the reader has not seen: <see cref="OthersCount"/> minus its
    /// <see cref="ReadMark.SeenCount"/>, never below 0.</summary>
    /// <exception cref="ArgumentException"><paramref name="reader"/> or <paramref name="readerSide"/> is null or empty.</exception>
    public long Unread(string reader, string readerSide, IReadOnlySet<string>? hiddenSides = null)
    {
        var seen = ReadMarkOf(reader)?.SeenCount ?? 0;
        return Math.Max(0, OthersCount(readerSide, hiddenSides) - seen);
    }
}
