using CustomerService.Grains.Crdt;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerService.Grains.Tests.Crdt;

public sealed class HybridLogicalClockTests
{
    [Fact]
    public void NowFollowsTheWallClockWhileItMovesForward()
    {
        var time = new ManualTimeProvider();
        var clock = new HybridLogicalClock("r1", time);

        var first = clock.Now();
        time.Advance(5);
        var second = clock.Now();

        Assert.Equal(new HybridTimestamp(time.UnixMs - 5, 0, "r1"), first);
        Assert.Equal(new HybridTimestamp(time.UnixMs, 0, "r1"), second);
    }

    [Fact]
    public void NowCountsUpWhileTheWallClockStandsStill()
    {
        var clock = new HybridLogicalClock("r1", new ManualTimeProvider());

        var stamps = Enumerable.Range(0, 3).Select(_ => clock.Now()).ToArray();

        Assert.Equal([0, 1, 2], stamps.Select(s => s.Counter));
        Assert.Single(stamps.Select(s => s.WallMs).Distinct());
    }

    [Fact]
    public void NowKeepsIncreasingWhenTheWallClockGoesBack()
    {
        var time = new ManualTimeProvider();
        var clock = new HybridLogicalClock("r1", time);
        var before = clock.Now();

        time.Advance(-60_000);
        var after = clock.Now();

        Assert.True(after > before);
        Assert.Equal(before.WallMs, after.WallMs);
        Assert.Equal(before.Counter + 1, after.Counter);
    }

    [Fact]
    public void ObservingAStampFromTheFutureMovesTheClockPastIt()
    {
        var time = new ManualTimeProvider();
        var clock = new HybridLogicalClock("r1", time);
        var remote = new HybridTimestamp(time.UnixMs + 10_000, 4, "r2");

        var received = clock.Observe(remote);
        var next = clock.Now();

        Assert.Equal(new HybridTimestamp(remote.WallMs, 5, "r1"), received);
        Assert.True(next > received);
        Assert.Equal(next, clock.Last);
    }

    [Fact]
    public void ObservingAStampFromThePastChangesNothingButTheCounter()
    {
        var time = new ManualTimeProvider();
        var clock = new HybridLogicalClock("r1", time);
        var local = clock.Now();

        var received = clock.Observe(new HybridTimestamp(local.WallMs - 1_000, 9, "r2"));

        Assert.Equal(new HybridTimestamp(local.WallMs, local.Counter + 1, "r1"), received);
    }

    [Fact]
    public void ACounterAtItsLimitBorrowsTheNextMillisecond()
    {
        var time = new ManualTimeProvider();
        var clock = new HybridLogicalClock("r1", time);
        var remote = new HybridTimestamp(time.UnixMs, int.MaxValue, "r2");

        var received = clock.Observe(remote);

        Assert.Equal(new HybridTimestamp(remote.WallMs + 1, 0, "r1"), received);
        Assert.True(received > remote);
    }

    [Fact]
    public void StampsStrictlyIncreaseAndStayWithinTheLargestTimeSeenUnderAClockThatGoesBackwards()
    {
        // Each step moves the wall clock (often backwards or not at all), then either issues a local stamp or
        // observes a remote one from around that time.
        var step =
            from delta in Gen.Frequency((2, Gen.Choose(-1_000, -1)), (2, Gen.Constant(0)), (3, Gen.Choose(1, 50)))
            from observe in Gen.Elements(false, true)
            from remoteSkew in Gen.Choose(-100, 100)
            from remoteCounter in Gen.Choose(0, 5)
            from remoteReplica in Gen.Elements("r0", "r2")
            select (delta, observe, remoteSkew, remoteCounter, remoteReplica);
        var histories = Arb.From(Gen.NonEmptyListOf(step).Select(steps => steps.ToArray()), PropertyCheck.ShrinkList);

        PropertyCheck.Holds(histories, history =>
        {
            var time = new ManualTimeProvider();
            var clock = new HybridLogicalClock("r1", time);
            var previous = clock.Last;
            var largestSeen = 0L;
            foreach (var (delta, observe, skew, remoteCounter, remoteReplica) in history)
            {
                time.Advance(delta);
                largestSeen = Math.Max(largestSeen, time.UnixMs);
                HybridTimestamp stamp;
                if (observe)
                {
                    var remote = new HybridTimestamp(time.UnixMs + skew, remoteCounter, remoteReplica);
                    largestSeen = Math.Max(largestSeen, remote.WallMs);
                    stamp = clock.Observe(remote);
                    if (stamp <= remote) return false;
                }
                else
                {
                    stamp = clock.Now();
                }
                if (stamp <= previous || stamp.WallMs < time.UnixMs || stamp.WallMs > largestSeen || stamp.Replica != "r1")
                    return false;
                previous = stamp;
            }
            return true;
        }, tests: 300);
    }

    [Fact]
    public void ConcurrentCallersNeverGetTheSameStamp()
    {
        var clock = new HybridLogicalClock("r1", new ManualTimeProvider());

        var stamps = new HybridTimestamp[4][];
        Parallel.For(0, stamps.Length, i => stamps[i] = Enumerable.Range(0, 2_000).Select(_ => clock.Now()).ToArray());

        Assert.Equal(8_000, stamps.SelectMany(s => s).Distinct().Count());
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Equal("replica", Assert.Throws<ArgumentNullException>(() => new HybridLogicalClock(null!, TimeProvider.System)).ParamName);
        Assert.Throws<ArgumentException>(() => new HybridLogicalClock("", TimeProvider.System));
        Assert.Equal("time", Assert.Throws<ArgumentNullException>(() => new HybridLogicalClock("r1", null!)).ParamName);
        Assert.Equal("remote", Assert.Throws<ArgumentException>(() => new HybridLogicalClock("r1", TimeProvider.System).Observe(default)).ParamName);
    }
}
