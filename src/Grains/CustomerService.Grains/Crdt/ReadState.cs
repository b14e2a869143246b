using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CustomerService.Grains.Crdt.Internal;
using CustomerService.Runtime;

namespace CustomerService.Grains.Crdt;

/// <summary>The read/unread state of one conversation, as a CRDT: two copies (two activations during a membership
/// change, two devices of one agent) merge without losing a message or a read mark.
/// <list type="bullet">
/// <item><see cref="Messages"/>: per author side ("visitor", "agent", "bot", "system", ...), a
/// <see cref="GCounter"/> of the messages written. The conversation grain counts its message log into one slot per
/// side, so that copies hold counts of prefixes of one log (see ConversationGrain.Log.cs); slots per writer replica
/// work as well wherever each replica counts only what it wrote itself.</item>
/// <item><see cref="ReadMarks"/>: per reader, an <see cref="LwwRegister{T}"/> of its <see cref="ReadMark"/>. Last
/// writer wins, not the highest mark, so that a reader can mark a conversation unread again.</item>
/// </list></summary>
/// <remarks><para><b>Whose messages count for a reader.</b> A reader's unread count covers every side except its
/// own: a visitor counts agent, bot and system messages; an agent counts visitor, bot and system messages (not its
/// fellow agents'). Sides a reader must never see — an agent's private notes, for the visitor — are left out by
/// passing them as <c>hiddenSides</c>. Pass the same side and hidden sides for a reader to <c>MarkRead</c>,
/// <c>MarkUnread</c> and <c>Unread</c>: the mark is a count of exactly those messages.</para>
/// <para><b>Unread</b> = that count minus the reader's <see cref="ReadMark.SeenCount"/>, never below 0. A mark made
/// on a copy that had not yet seen some messages stays correct after merging: those messages remain unread.</para>
/// </remarks>
[Immutable]
[Alias("crdt.ReadState")]
public sealed partial record ReadState
{
    /// <summary>A conversation with no messages and no read marks.</summary>
    public static ReadState Empty { get; } = new();

    /// <summary>Creates an empty read state.</summary>
    public ReadState() : this(null, null)
    {
    }

    /// <summary>Creates a read state from its parts (as read back from storage). Sides with no messages are dropped.</summary>
    /// <param name="messages">Author side → its message counter; null means none.</param>
    /// <param name="readMarks">Reader id → its read mark register; null means none.</param>
    /// <exception cref="ArgumentException">A side or reader id is empty, or a value is null.</exception>
    [JsonConstructor]
    public ReadState(
        ImmutableSortedDictionary<string, GCounter>? messages,
        ImmutableSortedDictionary<string, LwwRegister<ReadMark>>? readMarks)
    {
        Messages = OrdinalMap.From(messages, nameof(messages), CheckNotNull, counter => counter.Value > 0);
        ReadMarks = OrdinalMap.From(readMarks, nameof(readMarks), CheckNotNull, _ => true);
    }

    // For parts that are already ordinal and checked (the results of this type's own operations); the flag only
    // tells this overload apart from the public one.
    private ReadState(
        ImmutableSortedDictionary<string, GCounter> messages,
        ImmutableSortedDictionary<string, LwwRegister<ReadMark>> readMarks,
        bool validated)
    {
        Messages = messages;
        ReadMarks = readMarks;
    }

    /// <summary>Author side → how many messages that side wrote, per slot.</summary>
    public ImmutableSortedDictionary<string, GCounter> Messages { get; }

    /// <summary>Reader id → the reader's last read mark.</summary>
    public ImmutableSortedDictionary<string, LwwRegister<ReadMark>> ReadMarks { get; }

    /// <summary>The state that has seen everything both copies have: counters merged per side, read marks merged
    /// per reader (later stamp wins). Commutative, associative and idempotent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public ReadState Merge(ReadState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ReadState(
            OrdinalMap.Union(Messages, other.Messages, static (mine, theirs) => mine.Merge(theirs)),
            OrdinalMap.Union(ReadMarks, other.ReadMarks, static (mine, theirs) => mine.Merge(theirs)),
            true);
    }

    /// <summary>True when both states hold the same counters and read marks.</summary>
    public bool Equals(ReadState? other) =>
        other is not null && OrdinalMap.Equal(Messages, other.Messages) && OrdinalMap.Equal(ReadMarks, other.ReadMarks);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(OrdinalMap.Hash(Messages), OrdinalMap.Hash(ReadMarks));

    /// <summary>Formats the counters and read marks.</summary>
    public override string ToString() =>
        $"ReadState messages {OrdinalMap.Format(Messages)} marks {OrdinalMap.Format(ReadMarks)}";

    private static void CheckNotNull<TValue>(TValue value, string paramName) where TValue : class
    {
        if (value is null) throw new ArgumentException("Values must not be null.", paramName);
    }
}
