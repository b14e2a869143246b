using CustomerService.Runtime.Tests.Grains;

namespace CustomerService.Runtime.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task ANonReentrantGrainRunsOneCallAtATimeEvenWhileTheFirstAwaits()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ITurnGrain>("turns");

        var first = grain.Hold("a");
        await host.Probe.WhenRecorded("enter a");
        var second = grain.Hold("b");

        Assert.False(await second.CompletesWithin(), "the second call ran while the first was awaiting");
        Assert.DoesNotContain("enter b", host.Probe.Events);
        host.Probe.Open("a");
        host.Probe.Open("b");
        await Task.WhenAll(first, second).Within();

        Assert.Equal(["enter a", "exit a", "enter b", "exit b"], host.Probe.Events);
    }

    [Fact]
    public async Task AReentrantGrainInterleavesCallsAtAwaits()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<IReentrantTurnGrain>("turns");

        var first = grain.Hold("a");
        await host.Probe.WhenRecorded("enter a");
        var second = grain.Hold("b");
        await host.Probe.WhenRecorded("enter b");
        host.Probe.Open("b");
        await second.Within();

        Assert.False(first.IsCompleted);
        host.Probe.Open("a");
        await first.Within();
        Assert.Equal(["enter a", "enter b", "exit b", "exit a"], host.Probe.Events);
    }

    [Fact]
    public async Task AnAlwaysInterleaveMethodRunsWhileAnotherCallIsInProgress()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ITurnGrain>("interleave");

        var held = grain.Hold("a");
        await host.Probe.WhenRecorded("enter a");

        Assert.Equal("peeked", await grain.Peek().Within());
        Assert.False(held.IsCompleted);
        host.Probe.Open("a");
        await held.Within();
    }

    [Fact]
    public async Task ReadOnlyCallsInterleaveWithEachOtherButNotWithWrites()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ITurnGrain>("readonly");

        var read1 = grain.ReadHold("r1");
        await host.Probe.WhenRecorded("enter r1");
        var read2 = grain.ReadHold("r2");
        await host.Probe.WhenRecorded("enter r2");
        var write = grain.Hold("w");
        Assert.False(await write.CompletesWithin(), "a write ran alongside read-only calls");

        host.Probe.Open("r1");
        host.Probe.Open("r2");
        host.Probe.Open("w");
        await Task.WhenAll(read1, read2, write).Within();
        var events = host.Probe.Events.ToList();
        Assert.True(events.IndexOf("enter w") > events.IndexOf("exit r1"));
        Assert.True(events.IndexOf("enter w") > events.IndexOf("exit r2"));
    }

    [Fact]
    public async Task AOneWayCallReturnsBeforeTheGrainRunsIt()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ITurnGrain>("oneway");

        var held = grain.Hold("a");
        await host.Probe.WhenRecorded("enter a");
        await grain.Note("queued").Within(); // returns although the grain is busy

        Assert.DoesNotContain("note queued", host.Probe.Events);
        host.Probe.Open("a");
        await held.Within();
        await host.Probe.WhenRecorded("note queued");
    }

    [Fact]
    public async Task CallsFromOneCallerToOneGrainRunInTheOrderTheyWereSent()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ILifecycleGrain>("order");

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => grain.Increment())).Within();

        Assert.Equal(Enumerable.Range(1, 200), results);
    }
}
