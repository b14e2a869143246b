using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Tests.Grains;

namespace CustomerService.Runtime.Tests;

public sealed class ObserverTests
{
    [Fact]
    public async Task AGrainDeliversToASubscribedObserverACopyOfWhatItSends()
    {
        await using var host = await TestHost.StartAsync();
        var listener = new ChatListener();
        var reference = host.Grains.CreateObjectReference<IChatObserver>(listener);
        var room = host.Grains.GetGrain<IRoomGrain>("room");
        await room.Subscribe(reference).Within();
        var line = new ChatLine { Text = "hello" };

        Assert.Equal(1, await room.Publish(line).Within());

        await listener.FirstReceived.Task.Within();
        Assert.Equal("hello", listener.Received.Single().Text);
        Assert.NotSame(line, listener.Received.Single());
    }

    [Fact]
    public async Task ADeletedObserverIsDroppedOnTheNextNotification()
    {
        await using var host = await TestHost.StartAsync();
        var listener = new ChatListener();
        var reference = host.Grains.CreateObjectReference<IChatObserver>(listener);
        var room = host.Grains.GetGrain<IRoomGrain>("room");
        await room.Subscribe(reference).Within();

        host.Grains.DeleteObjectReference<IChatObserver>(reference);

        Assert.Equal(0, await room.Publish(new ChatLine { Text = "anyone?" }).Within());
        Assert.Equal(0, await room.Subscribers().Within());
        Assert.Empty(listener.Received);
    }

    [Fact]
    public async Task ASubscriptionThatIsNotRenewedExpires()
    {
        var clock = new ManualTimeProvider();
        await using var host = await TestHost.StartAsync(b => b.UseTimeProvider(clock));
        var stale = new ChatListener();
        var renewed = new ChatListener();
        var staleReference = host.Grains.CreateObjectReference<IChatObserver>(stale);
        var renewedReference = host.Grains.CreateObjectReference<IChatObserver>(renewed);
        var room = host.Grains.GetGrain<IRoomGrain>("room");
        await room.Subscribe(staleReference).Within();
        await room.Subscribe(renewedReference).Within();

        clock.Advance(TimeSpan.FromMinutes(3));
        await room.Subscribe(renewedReference).Within();
        clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(1, await room.Publish(new ChatLine { Text = "still here?" }).Within());
        await renewed.FirstReceived.Task.Within();
        Assert.Empty(stale.Received);
    }
}
