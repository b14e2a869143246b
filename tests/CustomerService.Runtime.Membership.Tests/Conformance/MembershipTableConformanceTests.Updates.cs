using CustomerService.Runtime.Membership.Tests.Infrastructure;
using static CustomerService.Runtime.Membership.Tests.Conformance.Rows;

namespace CustomerService.Runtime.Membership.Tests.Conformance;

// Conditional updates and IAmAlive.
public abstract partial class MembershipTableConformanceTests
{
    [Fact]
    public async Task UpdatingWithTheRightEtagAndVersionSucceedsAndChangesTheRowItsEtagAndTheVersion()
    {
        var table = await NewTableAsync();
        var before = await InsertAsync(table, Entry(Silo(11111)));
        var (entry, etag) = Assert.Single(before.Entries);
        var changed = entry with { Status = SiloStatus.Active };

        Assert.True(await table.UpdateRowAsync(changed, etag, before.Version.Next()).Timed());

        var after = await table.ReadAllAsync().Timed();
        Assert.Equal(before.Version.Version + 1, after.Version.Version);
        Assert.NotEqual(before.Version.VersionEtag, after.Version.VersionEtag);
        var (stored, newEtag) = Assert.Single(after.Entries);
        AssertSame(changed, stored);
        Assert.NotEqual(etag, newEtag);
    }

    [Fact]
    public async Task UpdatingWithAStaleRowEtagFailsAndChangesNothing()
    {
        var table = await NewTableAsync();
        var first = await InsertAsync(table, Entry(Silo(11111)));
        var (entry, staleEtag) = Assert.Single(first.Entries);
        Assert.True(await table.UpdateRowAsync(entry with { Status = SiloStatus.Active }, staleEtag, first.Version.Next()).Timed());
        var before = await table.ReadAllAsync().Timed();

        var updated = await table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, staleEtag, before.Version.Next()).Timed();

        Assert.False(updated);
        var after = await table.ReadAllAsync().Timed();
        Assert.Equal(before.Version.Version, after.Version.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(after.Entries).Entry.Status);
        Assert.Equal(Assert.Single(before.Entries).ETag, Assert.Single(after.Entries).ETag);
    }

    [Fact]
    public async Task UpdatingWithAStaleTableVersionFailsAndChangesNothing()
    {
        var table = await NewTableAsync();
        var stale = await InsertAsync(table, Entry(Silo(11111)));
        var (entry, etag) = Assert.Single(stale.Entries);
        await InsertAsync(table, Entry(Silo(22222)));

        var updated = await table.UpdateRowAsync(entry with { Status = SiloStatus.Active }, etag, stale.Version.Next()).Timed();

        Assert.False(updated);
        var after = await table.ReadRowAsync(entry.SiloAddress).Timed();
        Assert.Equal(2, after.Version.Version);
        var (stored, storedEtag) = Assert.Single(after.Entries);
        Assert.Equal(SiloStatus.Joining, stored.Status);
        Assert.Equal(etag, storedEtag);
    }

    [Fact]
    public async Task UpdatingARowThatDoesNotExistFails()
    {
        var table = await NewTableAsync();
        var before = await InsertAsync(table, Entry(Silo(11111)));
        var etag = Assert.Single(before.Entries).ETag;

        var updated = await table.UpdateRowAsync(Entry(Silo(22222)), etag, before.Version.Next()).Timed();

        Assert.False(updated);
        Assert.Equal(1, (await table.ReadAllAsync().Timed()).Version.Version);
    }

    [Fact]
    public async Task IAmAliveChangesTheTimeButNotTheVersionTheEtagOrTheRest()
    {
        var table = await NewTableAsync();
        var before = await InsertAsync(table, Entry(Silo(11111), SiloStatus.Active));
        var (entry, etag) = Assert.Single(before.Entries);
        var later = Noon.AddSeconds(30);

        await table.UpdateIAmAliveAsync(entry with { IAmAliveTime = later, Status = SiloStatus.Dead }).Timed();

        var after = await table.ReadAllAsync().Timed();
        Assert.Equal(before.Version, after.Version);
        var (stored, storedEtag) = Assert.Single(after.Entries);
        AssertSame(entry with { IAmAliveTime = later }, stored);
        Assert.Equal(etag, storedEtag);
        Assert.True(await table.UpdateRowAsync(stored with { Status = SiloStatus.ShuttingDown }, storedEtag, after.Version.Next()).Timed());
    }

    [Fact]
    public async Task ConcurrentWritersLoseNoUpdate()
    {
        const int writers = 8;
        const int writesEach = 20;
        var table = await NewTableAsync();
        var target = Silo(11111);
        await InsertAsync(table, Entry(target, SiloStatus.Active));

        var conflicts = await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var failed = 0;
            for (var write = 0; write < writesEach; write++)
            {
                var vote = new SuspectVote(Silo(20000 + writer, generation: write + 1), Noon.AddSeconds(write));
                while (true)
                {
                    var data = await table.ReadRowAsync(target).Timed();
                    var (entry, etag) = Assert.Single(data.Entries);
                    if (await table.UpdateRowAsync(entry.WithVote(vote), etag, data.Version.Next()).Timed()) break;
                    failed++;
                }
            }

            return failed;
        }))).WaitAsync(TimeSpan.FromMinutes(3));

        var final = await table.ReadAllAsync().Timed();
        Assert.Equal(1 + writers * writesEach, final.Version.Version);
        var votes = Assert.Single(final.Entries).Entry.SuspectVotes;
        Assert.Equal(writers * writesEach, votes.Count);
        Assert.Equal(writers * writesEach, votes.Distinct().Count());
        Assert.True(conflicts.Sum() >= 0);
    }
}
