using CustomerService.Runtime.Membership.Tests.Infrastructure;
using static CustomerService.Runtime.Membership.Tests.Conformance.Rows;

namespace CustomerService.Runtime.Membership.Tests.Conformance;

// Cleanup, isolation of clusters and deleting a cluster.
public abstract partial class MembershipTableConformanceTests
{
    [Fact]
    public async Task CleanupRemovesOnlyDeadRowsOlderThanTheDate()
    {
        var table = await NewTableAsync();
        var cutoff = Noon.AddDays(-7);
        var oldDead = Entry(Silo(11111), SiloStatus.Dead, cutoff.AddMinutes(-1));
        var newDead = Entry(Silo(22222), SiloStatus.Dead, cutoff.AddMinutes(1));
        var oldActive = Entry(Silo(33333), SiloStatus.Active, cutoff.AddMinutes(-1));
        var before = await InsertAsync(table, oldDead, newDead, oldActive);

        await table.CleanupDefunctSiloEntriesAsync(cutoff).Timed();

        var after = await table.ReadAllAsync().Timed();
        Assert.Equal(
            [newDead.SiloAddress, oldActive.SiloAddress],
            after.Entries.Select(row => row.Entry.SiloAddress).Order().ToArray());
        Assert.Equal(before.Version.Version, after.Version.Version);
    }

    [Fact]
    public async Task ClustersDoNotSeeEachOthersRowsOrVersions()
    {
        var first = await NewTableAsync();
        var second = await NewTableAsync();
        await InsertAsync(first, Entry(Silo(11111)), Entry(Silo(22222)));

        var seen = await second.ReadAllAsync().Timed();
        Assert.Empty(seen.Entries);
        Assert.Equal(0, seen.Version.Version);

        Assert.True(await second.InsertRowAsync(Entry(Silo(11111)), seen.Version.Next()).Timed());
        Assert.Equal(2, (await first.ReadAllAsync().Timed()).Version.Version);
        Assert.Single((await second.ReadAllAsync().Timed()).Entries);
    }

    [Fact]
    public async Task DeletingAClusterRemovesItsRowsAndVersionAndNoOtherCluster()
    {
        var clusterId = NewClusterId();
        var doomed = await NewTableAsync(clusterId);
        var other = await NewTableAsync();
        await InsertAsync(doomed, Entry(Silo(11111)));
        await InsertAsync(other, Entry(Silo(11111)));

        await doomed.DeleteMembershipTableEntriesAsync(clusterId).Timed();

        var gone = await doomed.ReadAllAsync().Timed();
        Assert.Empty(gone.Entries);
        Assert.Equal(0, gone.Version.Version);
        Assert.Single((await other.ReadAllAsync().Timed()).Entries);
        await doomed.InitializeAsync(tryInitTableVersion: true).Timed();
        Assert.True(await doomed.InsertRowAsync(Entry(Silo(11111)), TableVersion.Initial.Next()).Timed());
    }
}
