using System.Text.Json.Serialization;
using CustomerService.Runtime;

namespace CustomerService.Grains.Crdt;

/// <summary>A hybrid logical clock stamp: wall-clock milliseconds, a logical counter that orders events within one
/// millisecond (or while the wall clock stands still or runs backwards), and the id of the replica that issued it.
/// Stamps are totally ordered by wall time, then counter, then replica id (ordinal), so two replicas can never issue
/// equal stamps and every merge that keeps "the later stamp" is deterministic.</summary>
[Immutable]
[Alias("crdt.HybridTimestamp")]
public readonly record struct HybridTimestamp : IComparable<HybridTimestamp>
{
    /// <summary>Creates a stamp.</summary>
    /// <param name="wallMs">Milliseconds since the Unix epoch; not negative.</param>
    /// <param name="counter">The logical counter; not negative.</param>
    /// <param name="replica">The id of the issuing replica; not null or empty.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="wallMs"/> or <paramref name="counter"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="replica"/> is null or empty.</exception>
    [JsonConstructor]
    public HybridTimestamp(long wallMs, int counter, string replica)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wallMs);
        ArgumentOutOfRangeException.ThrowIfNegative(counter);
        ArgumentException.ThrowIfNullOrEmpty(replica);
        WallMs = wallMs;
        Counter = counter;
        Replica = replica;
    }

    /// <summary>Wall-clock milliseconds since the Unix epoch (the largest the issuing clock had seen).</summary>
    public long WallMs { get; }

    /// <summary>The logical counter within <see cref="WallMs"/>.</summary>
    public int Counter { get; }

    /// <summary>The id of the replica that issued the stamp; the last tie breaker.</summary>
    public string Replica { get; }

    /// <inheritdoc />
    public int CompareTo(HybridTimestamp other)
    {
        var byWall = WallMs.CompareTo(other.WallMs);
        if (byWall != 0) return byWall;
        var byCounter = Counter.CompareTo(other.Counter);
        return byCounter != 0 ? byCounter : string.CompareOrdinal(Replica, other.Replica);
    }

    /// <summary>True when <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    public static bool operator <(HybridTimestamp left, HybridTimestamp right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    public static bool operator >(HybridTimestamp left, HybridTimestamp right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is not later than <paramref name="right"/>.</summary>
    public static bool operator <=(HybridTimestamp left, HybridTimestamp right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is not earlier than <paramref name="right"/>.</summary>
    public static bool operator >=(HybridTimestamp left, HybridTimestamp right) => left.CompareTo(right) >= 0;

    /// <summary>The later of two stamps.</summary>
    public static HybridTimestamp Max(HybridTimestamp left, HybridTimestamp right) => left >= right ? left : right;

    /// <summary>Formats the stamp as <c>wallMs.counter@replica</c>.</summary>
    public override string ToString() => $"{WallMs}.{Counter}@{Replica}";
}
