using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task TheFirstCallActivatesTheGrainOnceWithItsKey()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ILifecycleGrain>("tenant/alice");

        Assert.Equal("tenant/alice", await grain.WhoAmI().Within());
        Assert.Equal(1, await grain.Increment().Within());
        Assert.Equal(2, await host.Grains.GetGrain<ILifecycleGrain>("tenant/alice").Increment().Within());

        Assert.Equal(1, host.Probe.Count("activate tenant/alice"));
        Assert.Equal("tenant/alice", grain.GetPrimaryKeyString());
    }

    [Fact]
    public async Task DeactivateOnIdleEndsTheActivationAndTheNextCallStartsAFreshOne()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ILifecycleGrain>("fresh");
        await grain.Increment().Within();
        await grain.Increment().Within();

        await grain.Deactivate().Within();
        await host.Probe.WhenRecorded($"deactivate fresh {DeactivationReasonCode.ApplicationRequested}");

        Assert.Equal(1, await grain.Increment().Within());
        Assert.Equal(2, host.Probe.Count("activate fresh"));
    }

    [Fact]
    public async Task AFailingOnActivateAsyncFailsTheCallAndLeavesNoActivation()
    {
        await using var host = await TestHost.StartAsync();
        host.Probe.FailActivationFor.Add("broken");
        var grain = host.Grains.GetGrain<ILifecycleGrain>("broken");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Increment().Within());
        Assert.Equal("activation of broken refused", error.Message);
        Assert.Equal(0, host.Cluster.ServiceProvider.GetRequiredService<Catalog>().Count);

        host.Probe.FailActivationFor.Remove("broken");
        Assert.Equal(1, await grain.Increment().Within());
        Assert.Equal(1, host.Probe.Count("activate broken"));
    }

    [Fact]
    public async Task CallsQueuedBehindAFailingActivationAllReceiveTheError()
    {
        await using var host = await TestHost.StartAsync();
        host.Probe.FailActivationFor.Add("broken");
        var grain = host.Grains.GetGrain<ILifecycleGrain>("broken");

        var calls = Enumerable.Range(0, 5).Select(_ => grain.Increment()).ToList();

        foreach (var call in calls) await Assert.ThrowsAsync<InvalidOperationException>(() => call.Within());
    }

    [Fact]
    public async Task IdleActivationsAreCollectedAfterTheCollectionAge()
    {
        var clock = new ManualTimeProvider();
        await using var host = await StartWithTenMinuteCollection(clock);
        var idle = host.Grains.GetGrain<ILifecycleGrain>("idle");
        var busy = host.Grains.GetGrain<ILifecycleGrain>("busy");
        await idle.Increment().Within();
        await busy.Increment().Within();

        clock.Advance(TimeSpan.FromMinutes(6));
        await busy.Increment().Within();
        clock.Advance(TimeSpan.FromMinutes(5));

        await host.Probe.WhenRecorded($"deactivate idle {DeactivationReasonCode.IdleCollection}");
        Assert.DoesNotContain(host.Probe.Events, e => e.StartsWith("deactivate busy", StringComparison.Ordinal));
        Assert.Equal(3, await busy.Increment().Within());
        Assert.Equal(1, await idle.Increment().Within());
    }

    [Fact]
    public async Task DelayDeactivationKeepsAnIdleGrainAlive()
    {
        var clock = new ManualTimeProvider();
        await using var host = await StartWithTenMinuteCollection(clock);
        var grain = host.Grains.GetGrain<ILifecycleGrain>("kept");
        await grain.Increment().Within();
        await grain.KeepAliveFor(TimeSpan.FromMinutes(30)).Within();

        clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(2, await grain.Increment().Within());
    }

    [Fact]
    public async Task StoppingTheSiloDeactivatesEveryGrain()
    {
        var host = await TestHost.StartAsync();
        await host.Grains.GetGrain<ILifecycleGrain>("one").Increment().Within();
        await host.Grains.GetGrain<ILifecycleGrain>("two").Increment().Within();

        await host.Cluster.StopAllAsync().Within();

        Assert.Contains($"deactivate one {DeactivationReasonCode.ShuttingDown}", host.Probe.Events);
        Assert.Contains($"deactivate two {DeactivationReasonCode.ShuttingDown}", host.Probe.Events);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task AGrainIsIdentifiedByItsClassAliasSoRenamingTheClassKeepsItsIdentity()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<INamedGrain>("k1");

        Assert.Equal("named/k1", await grain.Name().Within());
        Assert.Equal(new GrainId("named", "k1"), grain.GetGrainId());
    }

    private static Task<TestHost> StartWithTenMinuteCollection(ManualTimeProvider clock)
        => TestHost.StartAsync(b => b.UseTimeProvider(clock).ConfigureRuntime(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(10);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        }));

    [Fact]
    public async Task AnEmptyKeyIsRejectedWithAClearError()
    {
        await using var host = await TestHost.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => host.Grains.GetGrain<ILifecycleGrain>(""));
        Assert.Contains("non-empty", error.Message);
    }
}
