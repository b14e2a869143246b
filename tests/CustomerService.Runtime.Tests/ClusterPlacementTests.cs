using System.Diagnostics;
using CustomerService.Runtime.Cluster;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Tests;

/// <summary>Grains placed over a cluster of silos by the consistent-hash ring, and what happens when a silo goes.</summary>
[Trait("Category", "Cluster")]
public sealed class ClusterPlacementTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("cluster-placement-").FullName;

    [Fact]
    public async Task CallsToGrainsSpreadOverTheSilosAndRunOnTheirOwner()
    {
        await using var cluster = await new TestClusterBuilder().UseCluster(3).BuildAndStartAsync().Within(30);
        var ring = await SameRingEverywhere(cluster);
        var grains = cluster.Primary.GrainFactory;

        var placements = new Dictionary<string, string>();
        for (var i = 0; i < 30; i++) placements[$"g{i}"] = await grains.GetGrain<IWhereGrain>($"g{i}").Silo().Within();

        Assert.Equal(3, placements.Values.Distinct().Count());
        foreach (var (key, silo) in placements)
            Assert.Equal(ring.GetOwner(grains.GetGrain<IWhereGrain>(key).GetGrainId()).ToString(), silo);
    }

    [Fact]
    public async Task StateWrittenOnOneSiloIsReadAfterItsSiloIsKilledAndTheGrainMovesToAnother()
    {
        var database = Path.Combine(directory, "state.db");
        await using var cluster = await new TestClusterBuilder()
            .UseCluster(3)
            .WithoutDefaultStorage()
            .ConfigureSilo(s => s.Services.AddSqliteGrainStorage("Default", o => o.ConnectionString = $"Data Source={database}"))
            .BuildAndStartAsync().Within(30);
        var ring = await SameRingEverywhere(cluster);
        var key = Enumerable.Range(0, 100).Select(i => $"c{i}")
            .First(k => ring.GetOwner(cluster.Primary.GrainFactory.GetGrain<ICounterGrain>(k).GetGrainId()) != cluster.Primary.Address);
        var counter = cluster.Primary.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.Add(5, write: true).Within();
        var owner = cluster.Silos.Single(s => s.Address == ring.GetOwner(counter.GetGrainId()));

        await owner.KillAsync();

        var value = await TaskTimeouts.RetryWhileUnavailable(() => counter.Get(), seconds: 10);
        Assert.Equal(5, value);
    }

    [Fact]
    public async Task WhenASiloIsKilledDuringAStreamOfCallsEveryCallSucceedsOrFailsRetryablyAndRetriesSucceedWithinTenSeconds()
    {
        await using var cluster = await new TestClusterBuilder().UseCluster(3).BuildAndStartAsync().Within(30);
        await SameRingEverywhere(cluster);
        var grains = cluster.Primary.GrainFactory;
        var keys = Enumerable.Range(0, 20).Select(i => $"s{i}").ToList();
        var failures = new List<Exception>();
        var killedAt = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var lastFailure = TimeSpan.Zero;

        for (var round = 0; round < 60; round++)
        {
            if (round == 10)
            {
                await cluster.Silos[2].KillAsync();
                killedAt = clock.Elapsed;
            }

            foreach (var key in keys)
            {
                try
                {
                    await grains.GetGrain<IWhereGrain>(key).Increment().Within();
                }
                catch (Exception e) when (e is SiloUnavailableException or TimeoutException)
                {
                    failures.Add(e);
                    lastFailure = clock.Elapsed;
                }
            }

            await Task.Delay(50);
        }

        Assert.All(failures, e => Assert.True(e is SiloUnavailableException or TimeoutException));
        if (failures.Count > 0) Assert.True(lastFailure - killedAt < TimeSpan.FromSeconds(10), $"calls still failed {lastFailure - killedAt} after the kill");
        foreach (var key in keys) await grains.GetGrain<IWhereGrain>(key).Increment().Within();
    }

    [Fact]
    public async Task ACallSentToASiloThatDoesNotOwnTheGrainIsForwardedToTheOwner()
    {
        await using var cluster = await new TestClusterBuilder().UseCluster(3).BuildAndStartAsync().Within(30);
        var ring = await SameRingEverywhere(cluster);
        var key = Enumerable.Range(0, 100).Select(i => $"f{i}")
            .First(k => ring.GetOwner(cluster.Primary.GrainFactory.GetGrain<IWhereGrain>(k).GetGrainId()) == cluster.Silos[2].Address);
        var target = cluster.Primary.GrainFactory.GetGrain<IWhereGrain>(key).GetGrainId();

        // Silo 0 sends straight to silo 1, as a sender with a stale view would; silo 1 forwards to the owner.
        var toSilo1 = await cluster.Primary.Services.GetRequiredService<SiloConnections>().GetAsync(cluster.Silos[1].Address!, CancellationToken.None).Within();
        var response = await toSilo1.SendAsync(target, null, Invocation.GrainManifest.CreateRequest(
            "CustomerService.Runtime.Tests.Grains.IWhereGrain.Silo")).Within();

        Assert.Equal(cluster.Silos[2].Address!.ToString(), response.GetResult<string>());
    }

    [Fact]
    public async Task StoppingASiloGracefullyWritesItsGrainsStateSoNothingIsLostWhenTheyMove()
    {
        var database = Path.Combine(directory, "graceful.db");
        await using var cluster = await new TestClusterBuilder()
            .UseCluster(3)
            .WithoutDefaultStorage()
            .ConfigureSilo(s => s.Services.AddSqliteGrainStorage("Default", o => o.ConnectionString = $"Data Source={database}"))
            .BuildAndStartAsync().Within(30);
        await SameRingEverywhere(cluster);
        var grains = cluster.Primary.GrainFactory;
        var keys = Enumerable.Range(0, 30).Select(i => $"n{i}").ToList();
        foreach (var key in keys) await grains.GetGrain<ICounterGrain>(key).Add(7, write: false).Within(); // in memory only

        await cluster.Silos[2].StopAsync().Within(30);
        await SameRingEverywhere(cluster);

        foreach (var key in keys) Assert.Equal(7, await TaskTimeouts.RetryWhileUnavailable(() => grains.GetGrain<ICounterGrain>(key).Get(), seconds: 10));
    }

    [Fact]
    public async Task TwoActivationsOfOneGrainCannotOverwriteEachOtherBecauseTheEtagCatchesTheStaleWrite()
    {
        var database = Path.Combine(directory, "fencing.db");
        await using var a = await TestHost.StartAsync(builder => builder.WithoutDefaultStorage(),
            s => s.Services.AddSqliteGrainStorage("Default", o => o.ConnectionString = $"Data Source={database}"));
        await using var b = await TestHost.StartAsync(builder => builder.WithoutDefaultStorage(),
            s => s.Services.AddSqliteGrainStorage("Default", o => o.ConnectionString = $"Data Source={database}"));
        var onA = a.Grains.GetGrain<ICounterGrain>("twice");
        var onB = b.Grains.GetGrain<ICounterGrain>("twice");
        Assert.Equal(0, await onB.Get().Within()); // B activates and reads before A writes

        Assert.Equal(1, await onA.Add(1, write: true).Within());
        await Assert.ThrowsAsync<InconsistentStateException>(() => onB.Add(10, write: true).Within());

        Assert.Equal(1, await onB.Get().Within()); // B's stale activation was dropped; the new one read A's write
        Assert.Equal(2, await onB.Add(1, write: true).Within());
    }

    /// <summary>Waits until every running silo places grains by the same ring (same members), and returns it.</summary>
    private static async Task<Placement.ConsistentHashRing> SameRingEverywhere(TestCluster cluster)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rings = cluster.Silos.Where(s => s.IsRunning).Select(s => s.Services.GetRequiredService<ClusterPlacement>().Ring).ToList();
            var running = cluster.Silos.Count(s => s.IsRunning);
            if (rings.All(r => r is not null && r.Silos.Count == running)) return rings[0]!;
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) Assert.Fail("The silos did not agree on the ring within 10 s.");
            await Task.Delay(50);
        }
    }


    public void Dispose() => Directory.Delete(directory, recursive: true);
}
