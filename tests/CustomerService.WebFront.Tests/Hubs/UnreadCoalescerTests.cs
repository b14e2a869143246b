using CustomerService.Runtime.Testing;
using CustomerService.WebFront.Hubs.Internal;

namespace CustomerService.WebFront.Tests.Hubs;

public sealed class UnreadCoalescerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly ManualTimeProvider clock = new();
    private readonly List<(string Conversation, int Count)> sent = [];

    private UnreadCoalescer<(string, int)> Coalescer(TimeSpan interval) => new(interval, clock, unread =>
    {
        lock (sent) sent.Add(unread);
        return Task.CompletedTask;
    });

    [Fact]
    public async Task AChangeAfterAQuietIntervalGoesOutAtOnce()
    {
        using var unread = Coalescer(Interval);
        await unread.Post("c1", ("c1", 1));
        Assert.Equal([("c1", 1)], sent);

        clock.Advance(Interval); // nothing came in: the window closes
        await unread.Post("c1", ("c1", 2));
        Assert.Equal([("c1", 1), ("c1", 2)], sent);
    }

    [Fact]
    public async Task ChangesWithinTheIntervalGoOutAtItsEndWithTheNewestCountOfEachConversation()
    {
        using var unread = Coalescer(Interval);
        await unread.Post("c1", ("c1", 1));
        await unread.Post("c1", ("c1", 2));
        await unread.Post("c2", ("c2", 5));
        await unread.Post("c1", ("c1", 3));
        Assert.Equal([("c1", 1)], sent);

        clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Single(sent);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([("c1", 1), ("c1", 3), ("c2", 5)], sent);

        // A change right after that flush waits for the next interval's end too.
        await unread.Post("c2", ("c2", 0));
        Assert.Equal(3, sent.Count);
        clock.Advance(Interval);
        Assert.Equal(("c2", 0), sent[^1]);
    }

    [Fact]
    public async Task AZeroIntervalSendsEveryChange()
    {
        using var unread = Coalescer(TimeSpan.Zero);
        for (var count = 1; count <= 3; count++) await unread.Post("c1", ("c1", count));
        Assert.Equal([("c1", 1), ("c1", 2), ("c1", 3)], sent);
    }

    [Fact]
    public async Task NothingIsSentOnceTheFeedIsReleased()
    {
        var unread = Coalescer(Interval);
        await unread.Post("c1", ("c1", 1));
        await unread.Post("c1", ("c1", 2));
        unread.Dispose();
        clock.Advance(Interval * 3);
        await unread.Post("c1", ("c1", 3));
        Assert.Equal([("c1", 1)], sent);
    }
}
