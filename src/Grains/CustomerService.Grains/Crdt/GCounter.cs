using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CustomerService.Grains.Crdt.Internal;
using CustomerService.Runtime;

namespace CustomerService.Grains.Crdt;

/// <summary>A grow-only counter: one slot per writer replica, each only ever incremented by its own replica.
/// <see cref="Merge"/> takes the per-slot maximum, so merging is commutative, associative and idempotent, and
/// <see cref="Value"/> never decreases.</summary>
[Immutable]
[Alias("crdt.GCounter")]
public sealed record GCounter
{
    private readonly long _value;

    /// <summary>The counter nobody has incremented.</summary>
    public static GCounter Empty { get; } = new();

    /// <summary>Creates a counter with no increments.</summary>
    public GCounter() : this((ImmutableSortedDictionary<string, long>?)null)
    {
    }

    /// <summary>Creates a counter from its slots (as read back from storage). Zero slots are dropped.</summary>
    /// <param name="slots">Replica id → count; null means none.</param>
    /// <exception cref="ArgumentException">A replica id is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public GCounter(ImmutableSortedDictionary<string, long>? slots)
    {
        Slots = OrdinalMap.From(slots, nameof(slots), CheckSlot, count => count > 0);
        _value = Sum(Slots);
    }

    private GCounter(ImmutableSortedDictionary<string, long> slots, long value)
    {
        Slots = slots;
        _value = value;
    }

    /// <summary>Replica id → how many increments that replica made, in ordinal order; never a zero entry.</summary>
    public ImmutableSortedDictionary<string, long> Slots { get; }

    /// <summary>The total: the sum of all slots.</summary>
    [JsonIgnore]
    public long Value => _value;

    /// <summary>The count of one replica's slot (0 if it has none).</summary>
    /// <exception cref="ArgumentException"><paramref name="replica"/> is null or empty.</exception>
    public long SlotOf(string replica)
    {
        ArgumentException.ThrowIfNullOrEmpty(replica);
        return Slots.GetValueOrDefault(replica);
    }

    /// <summary>Adds <paramref name="by"/> to <paramref name="replica"/>'s slot.</summary>
    /// <param name="replica">The replica making the increment; only that replica may increment its slot.</param>
    /// <param name="by">The amount; greater than 0.</param>
    /// <exception cref="ArgumentException"><paramref name="replica"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is 0 or negative.</exception>
    /// <exception cref="OverflowException">The slot would exceed <see cref="long.MaxValue"/>.</exception>
    public GCounter Increment(string replica, long by = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(replica);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(by);
        return new GCounter(Slots.SetItem(replica, checked(Slots.GetValueOrDefault(replica) + by)), checked(_value + by));
    }

    /// <summary>The least counter that is at least both: every slot at its maximum.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public GCounter Merge(GCounter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var slots = OrdinalMap.Union(Slots, other.Slots, Math.Max);
        return new GCounter(slots, Sum(slots));
    }

    /// <summary>True when both counters hold the same slots.</summary>
    public bool Equals(GCounter? other) => other is not null && OrdinalMap.Equal(Slots, other.Slots);

    /// <inheritdoc />
    public override int GetHashCode() => OrdinalMap.Hash(Slots);

    /// <summary>Formats the counter as its total and slots.</summary>
    public override string ToString() => $"GCounter {Value} {OrdinalMap.Format(Slots)}";

    private static long Sum(ImmutableSortedDictionary<string, long> slots)
    {
        long total = 0;
        foreach (var count in slots.Values) total = checked(total + count);
        return total;
    }

    private static void CheckSlot(long count, string paramName) =>
        ArgumentOutOfRangeException.ThrowIfNegative(count, paramName);
}
