using CustomerService.Runtime.Membership.Tests.Infrastructure;
using static CustomerService.Runtime.Membership.Tests.Conformance.Rows;

namespace CustomerService.Runtime.Membership.Tests.Conformance;

// Races between writers that do not go through the table version.
public abstract partial class MembershipTableConformanceTests
{
    [Fact]
    public async Task SilosInitialisingAtOnceAllSucceedAndLeaveVersionZero()
    {
        var clusterId = NewClusterId();
        var starting = Enumerable.Range(0, 6).Select(_ => CreateTable(clusterId)).ToList();
        tables.AddRange(starting);

        await Task.WhenAll(starting.Select(table => Task.Run(() => table.InitializeAsync(tryInitTableVersion: true)))).Timed();

        Assert.Equal(0, (await starting[0].ReadAllAsync().Timed()).Version.Version);
        Assert.True(await starting[^1].InsertRowAsync(Entry(Silo(11111)), TableVersion.Initial.Next()).Timed());
    }

    [Fact]
    public async Task IAmAliveWritesDuringConditionalUpdatesLoseNoUpdate()
    {
        const int votes = 40;
        var table = await NewTableAsync();
        var target = Silo(11111);
        await InsertAsync(table, Entry(target, SiloStatus.Active));
        using var stop = new CancellationTokenSource();

        var heartbeat = Task.Run(async () =>
        {
            var beats = 0;
            do
            {
                await table.UpdateIAmAliveAsync(Entry(target) with { IAmAliveTime = Noon.AddSeconds(++beats) }).Timed();
            }
            while (!stop.IsCancellationRequested);
            return beats;
        });
        for (var vote = 0; vote < votes; vote++)
        {
            while (true)
            {
                var data = await table.ReadRowAsync(target).Timed();
                var (entry, etag) = Assert.Single(data.Entries);
                var voted = entry.WithVote(new SuspectVote(Silo(20000, generation: vote + 1), Noon));
                if (await table.UpdateRowAsync(voted, etag, data.Version.Next()).Timed()) break;
            }
        }

        await stop.CancelAsync();
        var beats = await heartbeat.Timed();
        var final = Assert.Single((await table.ReadAllAsync().Timed()).Entries).Entry;
        Assert.Equal(votes, final.SuspectVotes.Count);
        Assert.Equal(SiloStatus.Active, final.Status);
        // A full-row update carries the IAmAlive time it read, so a beat in flight may be overwritten (Orleans too);
        // the time is never anything but one of the beats or the original.
        Assert.InRange(final.IAmAliveTime, Noon, Noon.AddSeconds(beats));
    }
}
