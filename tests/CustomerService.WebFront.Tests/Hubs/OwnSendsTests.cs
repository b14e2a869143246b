using CustomerService.Runtime.Testing;
using CustomerService.WebFront.Hubs.Internal;

namespace CustomerService.WebFront.Tests.Hubs;

public sealed class OwnSendsTests
{
    [Fact]
    public async Task TheSendersConnectionIsTakenOnceByItsEvent()
    {
        var sends = new OwnSends(new ManualTimeProvider());
        var ack = await sends.TrackAsync("c:t/1:v", "m1", "conn-a", () => Task.FromResult(1));

        Assert.Equal(1, ack);
        Assert.Null(sends.TakeSender("c:t/1:a", "m1")); // another feed of the same conversation
        Assert.Equal("conn-a", sends.TakeSender("c:t/1:v", "m1"));
        Assert.Null(sends.TakeSender("c:t/1:v", "m1"));
    }

    [Fact]
    public async Task AFailedSendLeavesNothingForAnEventToSkip()
    {
        var sends = new OwnSends(new ManualTimeProvider());
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            sends.TrackAsync<int>("c:t/1:v", "m1", "conn-a", () => throw new InvalidOperationException("refused")));

        Assert.Equal(0, sends.Count);
        Assert.Null(sends.TakeSender("c:t/1:v", "m1"));
    }

    [Fact]
    public async Task ASendWhoseEventNeverComesIsForgottenAfterThirtySeconds()
    {
        var clock = new ManualTimeProvider();
        var sends = new OwnSends(clock);
        await sends.TrackAsync("c:t/1:v", "lost", "conn-a", () => Task.FromResult(1));
        clock.Advance(TimeSpan.FromSeconds(29));
        await sends.TrackAsync("c:t/1:v", "recent", "conn-a", () => Task.FromResult(1));
        Assert.Equal(2, sends.Count);

        clock.Advance(TimeSpan.FromSeconds(2));
        await sends.TrackAsync("c:t/1:v", "newest", "conn-a", () => Task.FromResult(1));

        Assert.Null(sends.TakeSender("c:t/1:v", "lost"));
        Assert.Equal("conn-a", sends.TakeSender("c:t/1:v", "recent"));
        Assert.Equal("conn-a", sends.TakeSender("c:t/1:v", "newest"));
    }
}
