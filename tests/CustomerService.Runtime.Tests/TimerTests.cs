using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Tests.Grains;

namespace CustomerService.Runtime.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task ATimerTicksAfterItsDueTimeAndThenEveryPeriod()
    {
        var clock = new ManualTimeProvider();
        await using var host = await TestHost.StartAsync(b => b.UseTimeProvider(clock));
        var grain = host.Grains.GetGrain<ITimerGrain>("periodic");
        await grain.Start(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), interleave: false).Within();

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await grain.Ticks().Within());
        clock.Advance(TimeSpan.FromSeconds(1));
        await host.Probe.WhenRecorded("tick periodic 1");
        clock.Advance(TimeSpan.FromSeconds(5));
        await host.Probe.WhenRecorded("tick periodic 2");

        Assert.Equal(2, await grain.Ticks().Within());
    }

    [Fact]
    public async Task ADisposedTimerStopsTicking()
    {
        var clock = new ManualTimeProvider();
        await using var host = await TestHost.StartAsync(b => b.UseTimeProvider(clock));
        var grain = host.Grains.GetGrain<ITimerGrain>("stopped");
        await grain.Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), interleave: false).Within();
        clock.Advance(TimeSpan.FromSeconds(1));
        await host.Probe.WhenRecorded("tick stopped 1");

        await grain.Stop().Within();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await grain.Ticks().Within());
    }

    [Fact]
    public async Task ATimerTickWaitsForTheCallInProgressUnlessItInterleaves()
    {
        var clock = new ManualTimeProvider();
        await using var host = await TestHost.StartAsync(b => b.UseTimeProvider(clock));
        var waiting = host.Grains.GetGrain<ITimerGrain>("waits");
        var interleaving = host.Grains.GetGrain<ITimerGrain>("interleaves");
        await waiting.Start(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan, interleave: false).Within();
        await interleaving.Start(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan, interleave: true).Within();
        var held1 = waiting.Hold("w");
        var held2 = interleaving.Hold("i");
        await host.Probe.WhenRecorded("enter w");
        await host.Probe.WhenRecorded("enter i");

        clock.Advance(TimeSpan.FromSeconds(1));

        await host.Probe.WhenRecorded("tick interleaves 1");
        Assert.DoesNotContain("tick waits 1", host.Probe.Events);
        host.Probe.Open("w");
        host.Probe.Open("i");
        await Task.WhenAll(held1, held2).Within();
        await host.Probe.WhenRecorded("tick waits 1");
        var events = host.Probe.Events.ToList();
        Assert.True(events.IndexOf("tick waits 1") > events.IndexOf("exit w"));
    }
}
