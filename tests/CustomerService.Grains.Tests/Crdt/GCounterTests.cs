using System.Collections.Immutable;
using CustomerService.Grains.Crdt;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerService.Grains.Tests.Crdt;

public sealed class GCounterTests
{
    [Fact]
    public void AnEmptyCounterIsZero() => Assert.Equal(0, GCounter.Empty.Value);

    [Fact]
    public void IncrementsAddUpAcrossReplicas()
    {
        var counter = GCounter.Empty.Increment("r1").Increment("r2", 3).Increment("r1");

        Assert.Equal(5, counter.Value);
        Assert.Equal(2, counter.SlotOf("r1"));
        Assert.Equal(3, counter.SlotOf("r2"));
        Assert.Equal(0, counter.SlotOf("r3"));
    }

    [Fact]
    public void MergeTakesTheMaximumOfEachSlotRatherThanTheSum()
    {
        var shared = GCounter.Empty.Increment("r1", 2);
        var left = shared.Increment("r1");
        var right = shared.Increment("r2");

        var merged = left.Merge(right);

        Assert.Equal(3, merged.SlotOf("r1"));
        Assert.Equal(1, merged.SlotOf("r2"));
        Assert.Equal(4, merged.Value);
    }

    [Fact]
    public void CountersWithTheSameSlotsAreEqualHoweverTheyWereBuilt()
    {
        var built = GCounter.Empty.Increment("r2").Increment("r1", 2);
        var read = new GCounter(ImmutableSortedDictionary.CreateRange(
            [KeyValuePair.Create("r1", 2L), KeyValuePair.Create("r2", 1L), KeyValuePair.Create("r3", 0L)]));

        Assert.Equal(built, read);
        Assert.Equal(built.GetHashCode(), read.GetHashCode());
        Assert.NotEqual(built, built.Increment("r3"));
    }

    [Fact]
    public void MergeIsCommutative() => MergeLaws.Commutative(CrdtGen.Counter, (a, b) => a.Merge(b));

    [Fact]
    public void MergeIsAssociative() => MergeLaws.Associative(CrdtGen.Counter, (a, b) => a.Merge(b));

    [Fact]
    public void MergeIsIdempotent() => MergeLaws.Idempotent(CrdtGen.Counter, (a, b) => a.Merge(b));

    [Fact]
    public void TheValueNeverDecreasesUnderIncrementsAndMerges()
    {
        // Each step either increments (replica, by) or merges in another counter.
        var step = Gen.OneOf(
            Gen.Zip(CrdtGen.Replica, Gen.Choose(1, 5)).Select(inc => (inc.Item1, (long)inc.Item2, (GCounter?)null)),
            CrdtGen.Counter.Select(other => ((string)"", 0L, (GCounter?)other)));
        var steps = Gen.ArrayOf(step).ToArbitrary();

        PropertyCheck.Holds(steps, history =>
        {
            var counter = GCounter.Empty;
            foreach (var (replica, by, other) in history)
            {
                var next = other is null ? counter.Increment(replica, by) : counter.Merge(other);
                var grewAsExpected = other is null
                    ? next.Value == counter.Value + by
                    : next.Value >= counter.Value && next.Value >= other.Value;
                if (!grewAsExpected) return false;
                counter = next;
            }
            return true;
        });
    }

    [Fact]
    public void MergeIsAnUpperBoundOfBothSides()
    {
        var arb = CrdtGen.Counter.ToArbitrary();

        PropertyCheck.Holds(arb, arb, (a, b) =>
        {
            var merged = a.Merge(b);
            return CrdtGen.Replicas.All(r => merged.SlotOf(r) == Math.Max(a.SlotOf(r), b.SlotOf(r)));
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void IncrementingByZeroOrLessIsRejected(long by)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GCounter.Empty.Increment("r1", by));
        Assert.Equal("by", error.ParamName);
    }

    [Fact]
    public void IncrementingANullOrEmptyReplicaIsRejected()
    {
        Assert.Equal("replica", Assert.Throws<ArgumentNullException>(() => GCounter.Empty.Increment(null!)).ParamName);
        Assert.Equal("replica", Assert.Throws<ArgumentException>(() => GCounter.Empty.Increment("")).ParamName);
    }

    [Fact]
    public void ASlotPastLongMaxValueOverflowsInsteadOfWrapping() =>
        Assert.Throws<OverflowException>(() => GCounter.Empty.Increment("r1", long.MaxValue).Increment("r1"));

    [Fact]
    public void StoredSlotsThatAreNegativeOrHaveNoReplicaAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GCounter(
            ImmutableSortedDictionary.CreateRange([KeyValuePair.Create("r1", -1L)])));
        Assert.Throws<ArgumentException>(() => new GCounter(
            ImmutableSortedDictionary.CreateRange([KeyValuePair.Create("", 1L)])));
    }

    [Fact]
    public void MergingWithNullIsRejected() =>
        Assert.Throws<ArgumentNullException>(() => GCounter.Empty.Merge(null!));
}
