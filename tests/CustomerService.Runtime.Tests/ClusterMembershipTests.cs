using System.Diagnostics;
using System.Net.Sockets;
using CustomerService.Runtime.Membership;
using CustomerService.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Tests;

/// <summary>Silos in one process forming a cluster on loopback: joining, failure detection, leaving.</summary>
[Trait("Category", "Cluster")]
public sealed class ClusterMembershipTests
{
    [Fact]
    public async Task SilosJoinAsActiveAndANewSiloJoinsTheRunningCluster()
    {
        await using var cluster = await new TestClusterBuilder().UseCluster(3).BuildAndStartAsync().Within(30);

        Assert.Equal(3, (await Rows(cluster)).Count(r => r.Status == SiloStatus.Active));
        var added = await cluster.StartAdditionalSiloAsync().Within(30);

        var rows = await Rows(cluster);
        Assert.Equal(4, rows.Count(r => r.Status == SiloStatus.Active));
        Assert.Contains(rows, r => r.SiloAddress == added.Address && r.SiloName == "silo-3");
    }

    [Fact]
    public async Task AKilledSiloIsDeclaredDeadByTheOthersWithinSeconds()
    {
        await using var cluster = await new TestClusterBuilder().UseCluster(3).BuildAndStartAsync().Within(30);
        var victim = cluster.Silos[2];
        var address = victim.Address!;
        var clock = Stopwatch.StartNew();

        await victim.KillAsync();

        var dead = await Eventually(cluster, rows => rows.Single(r => r.SiloAddress == address).Status == SiloStatus.Dead, seconds: 10);
        var row = dead.Single(r => r.SiloAddress == address);
        Assert.Equal(2, row.SuspectVotes.Select(v => v.Voter).Distinct().Count());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"declared dead after {clock.Elapsed}");
        Assert.Equal(2, dead.Count(r => r.Status == SiloStatus.Active));
    }

    [Fact]
    public async Task ASiloThatFindsItselfDeclaredDeadStopsServingAtOnce()
    {
        await using var cluster = await new TestClusterBuilder().UseCluster(2).BuildAndStartAsync().Within(30);
        var doomed = cluster.Silos[1];
        var address = doomed.Address!;
        var table = cluster.Primary.Services.GetRequiredService<IMembershipTable>();

        var data = await table.ReadAllAsync().Within();
        Assert.True(data.TryGet(address, out var entry, out var etag));
        Assert.True(await table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, etag, data.Version.Next()).Within());

        await Task.Delay(Timeout.Infinite, doomed.Stopping).ContinueWith(_ => { }, TaskScheduler.Default).Within(10);
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(address.Host, address.Port).Within());
    }

    [Fact]
    public async Task AGracefullyStoppedSiloLeavesTheTableAsDead()
    {
        await using var cluster = await new TestClusterBuilder().UseCluster(2).BuildAndStartAsync().Within(30);
        var leaving = cluster.Silos[1];

        await leaving.StopAsync().Within(30);

        var rows = await Rows(cluster);
        Assert.Equal(SiloStatus.Dead, rows.Single(r => r.SiloAddress == leaving.Address).Status);
        Assert.Empty(rows.Single(r => r.SiloAddress == leaving.Address).SuspectVotes);
    }

    [Fact]
    public async Task AnInvalidClusterSettingStopsTheSiloFromStartingAndNamesTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            new TestClusterBuilder().UseCluster(1, o => o.MissedProbesForSuspicion = 0).BuildAndStartAsync().Within(30));

        Assert.Contains("Silo:Cluster:MissedProbesForSuspicion", error.ToString());
    }

    private static async Task<IReadOnlyList<MembershipEntry>> Rows(TestCluster cluster)
    {
        var data = await cluster.Primary.Services.GetRequiredService<IMembershipTable>().ReadAllAsync().Within();
        return [.. data.Entries.Select(e => e.Entry)];
    }

    // Failure detection runs on real time here (200 ms probes), so the test polls the table, within a bound.
    private static async Task<IReadOnlyList<MembershipEntry>> Eventually(TestCluster cluster, Func<IReadOnlyList<MembershipEntry>, bool> condition, int seconds)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var rows = await Rows(cluster);
            if (condition(rows)) return rows;
            if (deadline.Elapsed > TimeSpan.FromSeconds(seconds)) Assert.Fail($"The membership table did not reach the expected state within {seconds} s.");
            await Task.Delay(100);
        }
    }
}
