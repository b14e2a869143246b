using System.Text.Json.Serialization;
using CustomerService.Runtime;

namespace CustomerService.Grains.Crdt;

/// <summary>Where one reader stands in a conversation: how many of the other sides' messages it has seen, and
/// the seq of the message it read up to (for read receipts). Ordered by <see cref="SeenCount"/>, then
/// <see cref="Seq"/>; that order only breaks ties between equal stamps in an <see cref="LwwRegister{T}"/>.</summary>
[Immutable]
[Alias("crdt.ReadMark")]
public readonly record struct ReadMark : IComparable<ReadMark>
{
    /// <summary>Creates a read mark.</summary>
    /// <param name="seenCount">How many of the other sides' messages the reader has seen; not negative.</param>
    /// <param name="seq">The seq of the message the reader read up to; not negative (0: none).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative.</exception>
    [JsonConstructor]
    public ReadMark(long seenCount, long seq)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seenCount);
        ArgumentOutOfRangeException.ThrowIfNegative(seq);
        SeenCount = seenCount;
        Seq = seq;
    }

    /// <summary>How many of the other sides' messages the reader has seen.</summary>
    public long SeenCount { get; }

    /// <summary>The seq of the message the reader read up to.</summary>
    public long Seq { get; }

    /// <inheritdoc />
    public int CompareTo(ReadMark other)
    {
        var bySeen = SeenCount.CompareTo(other.SeenCount);
        return bySeen != 0 ? bySeen : Seq.CompareTo(other.Seq);
    }

    /// <summary>Formats the mark as <c>seen N @ seq S</c>.</summary>
    public override string ToString() => $"seen {SeenCount} @ seq {Seq}";
}
