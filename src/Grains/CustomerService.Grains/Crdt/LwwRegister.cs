using System.Text.Json.Serialization;
using CustomerService.Grains.Crdt.Internal;
using CustomerService.Runtime;

namespace CustomerService.Grains.Crdt;

/// <summary>A last-writer-wins register: a value and the <see cref="HybridTimestamp"/> of the write that set it.
/// <see cref="Set"/> and <see cref="Merge"/> keep the write with the later stamp, whatever the value, so a register
/// can go back (unlike a max register) — which is what "mark as unread" needs.</summary>
/// <remarks>Writes are ordered by stamp: wall time, counter, then the writer's replica id (ordinal). Two writes
/// with equal stamps can only come from one replica id used twice (two writers sharing an id, or a clock reset);
/// then the greater value by <typeparamref name="T"/>'s own order wins (strings compare ordinally), so that merge
/// stays commutative, associative and idempotent. That order must be consistent with equality.</remarks>
/// <typeparam name="T">The value type; totally ordered only to break ties.</typeparam>
[Immutable]
[Alias("crdt.LwwRegister`1")]
public sealed record LwwRegister<T> where T : IComparable<T>
{
    private static readonly IComparer<T> ValueOrder =
        typeof(T) == typeof(string) ? (IComparer<T>)(object)StringComparer.Ordinal : Comparer<T>.Default;

    /// <summary>Creates a register holding <paramref name="value"/> written at <paramref name="stamp"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stamp"/> is the default value (it has no replica).</exception>
    [JsonConstructor]
    public LwwRegister(T value, HybridTimestamp stamp)
    {
        ArgumentNullException.ThrowIfNull(value);
        Guard.Stamp(stamp, nameof(stamp));
        Value = value;
        Stamp = stamp;
    }

    /// <summary>The value of the winning write.</summary>
    public T Value { get; }

    /// <summary>The stamp of the winning write.</summary>
    public HybridTimestamp Stamp { get; }

    /// <summary>The replica that made the winning write.</summary>
    [JsonIgnore]
    public string Replica => Stamp.Replica;

    /// <summary>Applies a write: the register with <paramref name="value"/> if <paramref name="stamp"/> is later
    /// than <see cref="Stamp"/>, otherwise this register unchanged.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stamp"/> is the default value.</exception>
    public LwwRegister<T> Set(T value, HybridTimestamp stamp)
    {
        var write = new LwwRegister<T>(value, stamp);
        return write.IsLaterThan(this) ? write : this;
    }

    /// <summary>The register whose write is later (see the remarks on ties).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public LwwRegister<T> Merge(LwwRegister<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsLaterThan(this) ? other : this;
    }

    /// <summary>Formats the register as <c>value @ stamp</c>.</summary>
    public override string ToString() => $"{Value} @ {Stamp}";

    private bool IsLaterThan(LwwRegister<T> other)
    {
        var byStamp = Stamp.CompareTo(other.Stamp);
        return byStamp != 0 ? byStamp > 0 : ValueOrder.Compare(Value, other.Value) > 0;
    }
}
