using System.Diagnostics;
using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Tests.Grains;

namespace CustomerService.Runtime.Tests;

/// <summary>A front-end's view of the cluster: a client that owns no grains, calls silos directly and hosts observers.</summary>
[Trait("Category", "Cluster")]
public sealed class ClusterClientTests
{
    [Fact]
    public async Task AClientCallsGrainsOnEverySiloDirectly()
    {
        await using var cluster = await new TestClusterBuilder().UseCluster(3).BuildAndStartAsync().Within(30);
        await using var client = await cluster.CreateClientAsync().Within(30);

        var silos = new HashSet<string>();
        for (var i = 0; i < 30; i++) silos.Add(await TaskTimeouts.RetryWhileUnavailable(() => client.GrainFactory.GetGrain<IWhereGrain>($"w{i}").Silo()));

        Assert.Equal(3, silos.Count);
        Assert.Equal(cluster.Silos.Select(s => s.Address!.ToString()).Order(), silos.Order());
    }

    [Fact]
    public async Task AGrainOnASiloCallsBackAnObserverHostedByTheClient()
    {
        await using var cluster = await new TestClusterBuilder().UseCluster(2).BuildAndStartAsync().Within(30);
        await using var client = await cluster.CreateClientAsync().Within(30);
        var listener = new ChatListener();
        var reference = client.GrainFactory.CreateObjectReference<IChatObserver>(listener);
        var room = client.GrainFactory.GetGrain<IRoomGrain>("lobby");

        await TaskTimeouts.RetryWhileUnavailable(async () => { await room.Subscribe(reference); return 0; });
        Assert.Equal(1, await room.Publish(new ChatLine { Text = "over TCP and back" }).Within());

        await listener.FirstReceived.Task.Within();
        Assert.Equal("over TCP and back", listener.Received.Single().Text);
    }

    [Fact]
    public async Task AClientFollowsAKilledSiloAndItsRetriesSucceedWithinTenSeconds()
    {
        await using var cluster = await new TestClusterBuilder().UseCluster(3).BuildAndStartAsync().Within(30);
        await using var client = await cluster.CreateClientAsync().Within(30);
        var keys = Enumerable.Range(0, 20).Select(i => $"k{i}").ToList();
        foreach (var key in keys) await TaskTimeouts.RetryWhileUnavailable(() => client.GrainFactory.GetGrain<IWhereGrain>(key).Increment());

        await cluster.Silos[1].KillAsync();
        var clock = Stopwatch.StartNew();
        foreach (var key in keys) await TaskTimeouts.RetryWhileUnavailable(() => client.GrainFactory.GetGrain<IWhereGrain>(key).Increment());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var killed = cluster.Silos[1].Address!.ToString();
        foreach (var key in keys) Assert.NotEqual(killed, await client.GrainFactory.GetGrain<IWhereGrain>(key).Silo().Within());
    }

}
