using CustomerService.Grains.Crdt;
using FsCheck.Fluent;

namespace CustomerService.Grains.Tests.Crdt;

public sealed class HybridTimestampTests
{
    [Fact]
    public void StampsOrderByWallTimeThenCounterThenReplica()
    {
        HybridTimestamp[] sorted =
        [
            new(5, 0, "r2"),
            new(5, 1, "r1"),
            new(5, 1, "r2"),
            new(6, 0, "r1"),
        ];

        Assert.Equal(sorted, sorted.Reverse().Order());
        Assert.True(sorted[0] < sorted[1] && sorted[1] <= sorted[2] && sorted[3] > sorted[2] && sorted[3] >= sorted[3]);
    }

    [Fact]
    public void TheOrderIsTotalAndAgreesWithEquality()
    {
        var arb = CrdtGen.Stamp.ToArbitrary();

        PropertyCheck.Holds(arb, arb, (a, b) =>
            Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a)) && (a.CompareTo(b) == 0) == a.Equals(b));
    }

    [Fact]
    public void NegativeWallTimeOrCounterIsRejected()
    {
        Assert.Equal("wallMs", Assert.Throws<ArgumentOutOfRangeException>(() => new HybridTimestamp(-1, 0, "r1")).ParamName);
        Assert.Equal("counter", Assert.Throws<ArgumentOutOfRangeException>(() => new HybridTimestamp(0, -1, "r1")).ParamName);
    }

    [Fact]
    public void ANullOrEmptyReplicaIsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new HybridTimestamp(0, 0, null!));
        Assert.Throws<ArgumentException>(() => new HybridTimestamp(0, 0, ""));
    }

    [Fact]
    public void AStampPrintsAsWallCounterAndReplica() =>
        Assert.Equal("1700.3@act-7", new HybridTimestamp(1700, 3, "act-7").ToString());
}
