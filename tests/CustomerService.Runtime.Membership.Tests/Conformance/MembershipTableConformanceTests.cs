using CustomerService.Runtime.Membership.Tests.Infrastructure;
using static CustomerService.Runtime.Membership.Tests.Conformance.Rows;

namespace CustomerService.Runtime.Membership.Tests.Conformance;

/// <summary>What every <see cref="IMembershipTable"/> provider must do, written once and run against each provider.
/// Every test works in a cluster id of its own.</summary>
public abstract partial class MembershipTableConformanceTests : IAsyncLifetime
{
    private readonly List<IMembershipTable> tables = [];

    /// <summary>A table of the provider under test for <paramref name="clusterId"/>, not yet initialised.</summary>
    protected abstract IMembershipTable CreateTable(string clusterId);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var table in tables)
            if (table is IAsyncDisposable disposable) await disposable.DisposeAsync().AsTask().Timed();
    }

    private static string NewClusterId() => $"test-{Guid.NewGuid():N}";

    private async Task<IMembershipTable> NewTableAsync(string? clusterId = null)
    {
        var table = CreateTable(clusterId ?? NewClusterId());
        tables.Add(table);
        await table.InitializeAsync(tryInitTableVersion: true).Timed();
        return table;
    }

    // Inserts rows one after another, each with the next version, and returns the table's state afterwards.
    private static async Task<MembershipTableData> InsertAsync(IMembershipTable table, params MembershipEntry[] entries)
    {
        foreach (var entry in entries)
        {
            var version = (await table.ReadAllAsync().Timed()).Version;
            Assert.True(await table.InsertRowAsync(entry, version.Next()).Timed());
        }

        return await table.ReadAllAsync().Timed();
    }

    [Fact]
    public async Task ReadingAnEmptyTableReturnsNoRowsAndVersionZero()
    {
        var table = await NewTableAsync();

        var data = await table.ReadAllAsync().Timed();

        Assert.Empty(data.Entries);
        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task AnInsertedRowIsReadBackWithTheNewVersion()
    {
        var table = await NewTableAsync();
        var entry = Entry(Silo(11111)).WithVote(new SuspectVote(Silo(22222), Noon));

        Assert.True(await table.InsertRowAsync(entry, TableVersion.Initial.Next()).Timed());

        var all = await table.ReadAllAsync().Timed();
        Assert.Equal(1, all.Version.Version);
        AssertSame(entry, Assert.Single(all.Entries).Entry);
        var one = await table.ReadRowAsync(entry.SiloAddress).Timed();
        Assert.Equal(1, one.Version.Version);
        AssertSame(entry, Assert.Single(one.Entries).Entry);
    }

    [Fact]
    public async Task ReadingTheRowOfAnUnknownSiloReturnsNoRowButTheVersion()
    {
        var table = await NewTableAsync();
        await InsertAsync(table, Entry(Silo(11111)));

        var data = await table.ReadRowAsync(Silo(11111, generation: 2)).Timed();

        Assert.Empty(data.Entries);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task InsertingARowThatExistsFailsAndChangesNothing()
    {
        var table = await NewTableAsync();
        var entry = Entry(Silo(11111));
        var before = await InsertAsync(table, entry);

        var inserted = await table.InsertRowAsync(entry with { Status = SiloStatus.Active }, before.Version.Next()).Timed();

        Assert.False(inserted);
        var after = await table.ReadAllAsync().Timed();
        Assert.Equal(before.Version.Version, after.Version.Version);
        AssertSame(entry, Assert.Single(after.Entries).Entry);
    }

    [Fact]
    public async Task InsertingWithAStaleTableVersionFailsAndChangesNothing()
    {
        var table = await NewTableAsync();
        var stale = (await table.ReadAllAsync().Timed()).Version;
        await InsertAsync(table, Entry(Silo(11111)));

        var inserted = await table.InsertRowAsync(Entry(Silo(22222)), stale.Next()).Timed();

        Assert.False(inserted);
        var after = await table.ReadAllAsync().Timed();
        Assert.Equal(1, after.Version.Version);
        Assert.Single(after.Entries);
    }

    [Fact]
    public async Task InitializingAgainKeepsTheVersionAndTheRows()
    {
        var clusterId = NewClusterId();
        var table = await NewTableAsync(clusterId);
        await InsertAsync(table, Entry(Silo(11111)));

        var again = await NewTableAsync(clusterId);

        var data = await again.ReadAllAsync().Timed();
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Entries);
    }
}
