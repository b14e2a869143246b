using CustomerService.Grains.Messages;
using CustomerService.Grains.Tests.Crdt;

namespace CustomerService.Grains.Tests.Messages;

public sealed class MessageIdGeneratorTests
{
    [Fact]
    public void IdsAre26CrockfordCharactersAndStrictlyIncreasingWithinOneMillisecond()
    {
        var generator = new MessageIdGenerator(new ManualTimeProvider());

        var ids = Enumerable.Range(0, 10_000).Select(_ => generator.Next()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void IdsFollowTheClockAndStayIncreasingWhenItStepsBack()
    {
        var clock = new ManualTimeProvider();
        var generator = new MessageIdGenerator(clock);

        var first = generator.Next();
        clock.Advance(5);
        var later = generator.Next();
        clock.Advance(-60_000);
        var afterStepBack = generator.Next();

        Assert.True(string.CompareOrdinal(first, later) < 0);
        Assert.True(string.CompareOrdinal(later, afterStepBack) < 0);
    }

    [Fact]
    public void TheFirstTenCharactersEncodeTheTimeInMilliseconds()
    {
        var clock = new ManualTimeProvider();
        var earlier = new MessageIdGenerator(clock).Next();
        clock.Advance(1);
        var later = new MessageIdGenerator(clock).Next();

        Assert.True(string.CompareOrdinal(earlier[..10], later[..10]) < 0);
    }

    [Fact]
    public void ConcurrentCallersNeverGetTheSameId()
    {
        var generator = new MessageIdGenerator(TimeProvider.System);

        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 20_000, _ => ids.Add(generator.Next()));

        Assert.Equal(20_000, ids.Distinct().Count());
    }
}
