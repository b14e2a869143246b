using System.Data;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerService.Runtime.Storage.Tests.AdoNet;

/// <summary>Group commit against a real PostgreSQL: state writes that queue while a transaction runs share the next
/// one, each keeping its own ETag condition. To put writes into one transaction for certain, a test holds a row lock
/// from a connection of its own: the provider's transaction writing that row waits, and everything written meanwhile
/// queues behind it (with one commit at a time) and goes into the next transaction together.</summary>
[Trait("Category", "Integration")]
[Collection(PostgreSqlCollection.Name)]
public sealed partial class PostgreSqlGroupCommitTests(PostgreSqlFixture postgres) : IAsyncLifetime
{
    private const string StateName = "state";
    private readonly string serviceId = $"gc-{Guid.NewGuid():N}";
    private readonly string applicationName = $"gc-{Guid.NewGuid():N}"[..30];
    private readonly List<ServiceProvider> owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in owned) await provider.DisposeAsync();
    }

    [Fact]
    public async Task ManyConcurrentWritesOfDistinctGrainsAllCommitAndReadBack()
    {
        var storage = Storage(maxConcurrentCommits: 2);
        var handles = Enumerable.Range(0, 300).Select(i => new GrainState<CounterState> { State = new CounterState { Value = i } }).ToArray();

        // Twice: the first round inserts every row, the second updates each from the ETag the first gave.
        for (var round = 1; round <= 2; round++)
        {
            foreach (var handle in handles) handle.State.Value += 1000;
            await Task.WhenAll(handles.Select((handle, i) => Task.Run(() => storage.WriteStateAsync(StateName, Grain(i), handle)))).WithTimeout();
        }

        for (var i = 0; i < handles.Length; i++)
        {
            var read = new GrainState<CounterState>();
            await storage.ReadStateAsync(StateName, Grain(i), read).WithTimeout();
            Assert.Equal(i + 2000, read.State.Value);
            Assert.Equal(handles[i].ETag, read.ETag);
        }
    }

    [Fact]
    public async Task AStaleEtagInABatchFailsOnlyThatWriteAndTheOthersCommit()
    {
        var storage = Storage(maxConcurrentCommits: 1);
        var contested = Grain("contested");
        var stale = await WrittenAsync(storage, contested, 1);
        var winner = new GrainState<CounterState> { State = new CounterState { Value = 2 }, ETag = stale.ETag };
        await storage.WriteStateAsync(StateName, contested, winner).WithTimeout();
        var plug = await WrittenAsync(storage, Grain("plug"), 0);

        await using var plugLock = await LockRowAsync(Grain("plug"));
        var plugWrite = storage.WriteStateAsync(StateName, Grain("plug"), plug);
        await WaitForWriterBlockedByAsync(plugLock);
        var handles = Enumerable.Range(0, 50).Select(i => new GrainState<CounterState> { State = new CounterState { Value = i } }).ToArray();
        var writes = handles.Select((handle, i) => storage.WriteStateAsync(StateName, Grain(i), handle)).ToList();
        stale.State.Value = 99;
        var staleWrite = storage.WriteStateAsync(StateName, contested, stale);
        await plugLock.DisposeAsync();

        await Task.WhenAll(writes.Append(plugWrite)).WithTimeout();
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite.WithTimeout());
        Assert.Equal(winner.ETag, conflict.StoredEtag);
        for (var i = 0; i < handles.Length; i++)
        {
            var read = await ReadAsync(storage, Grain(i));
            Assert.Equal(i, read.State.Value);
            Assert.Equal(handles[i].ETag, read.ETag);
        }

        var kept = await ReadAsync(storage, contested);
        Assert.Equal(2, kept.State.Value);
        Assert.Equal(winner.ETag, kept.ETag);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OfTwoWritesOfOneGrainWithTheSameEtagInFlightExactlyOneWins(bool inOneTransaction)
    {
        // Two activations of one grain (a membership change) may write at once from the same ETag: either in one
        // batch (ordered one after the other) or in two transactions running side by side.
        var storage = Storage(maxConcurrentCommits: inOneTransaction ? 1 : 4);
        for (var round = 0; round < 10; round++)
        {
            var grain = Grain($"twice-{round}");
            var read = await WrittenAsync(storage, grain, 0);
            var first = new GrainState<CounterState> { State = new CounterState { Value = 1 }, ETag = read.ETag };
            var second = new GrainState<CounterState> { State = new CounterState { Value = 2 }, ETag = read.ETag };
            Task firstWrite, secondWrite;
            if (inOneTransaction)
            {
                var plug = await WrittenAsync(storage, Grain($"plug-{round}"), 0);
                await using var plugLock = await LockRowAsync(Grain($"plug-{round}"));
                var plugWrite = storage.WriteStateAsync(StateName, Grain($"plug-{round}"), plug);
                await WaitForWriterBlockedByAsync(plugLock);
                (firstWrite, secondWrite) = (storage.WriteStateAsync(StateName, grain, first), storage.WriteStateAsync(StateName, grain, second));
                await plugLock.DisposeAsync();
                await plugWrite.WithTimeout();
            }
            else
            {
                (firstWrite, secondWrite) = (Task.Run(() => storage.WriteStateAsync(StateName, grain, first)),
                    Task.Run(() => storage.WriteStateAsync(StateName, grain, second)));
            }

            var outcomes = await Task.WhenAll(Outcome(firstWrite), Outcome(secondWrite)).WithTimeout();

            Assert.Single(outcomes, o => o is null);
            Assert.Single(outcomes, o => o is InconsistentStateException);
            var won = outcomes[0] is null ? first : second;
            var stored = await ReadAsync(storage, grain);
            Assert.Equal(won.State.Value, stored.State.Value);
            Assert.Equal(won.ETag, stored.ETag);
        }
    }

    [Fact]
    public async Task AKilledConnectionFailsEveryWriteOfItsTransactionClearlyAndStoresNoneOfThem()
    {
        var storage = Storage(maxConcurrentCommits: 1);
        var plug = await WrittenAsync(storage, Grain("plug"), 0);
        // Sorted after every other write of the batch, so the transaction has written them all when it stops there.
        var blocked = await WrittenAsync(storage, Grain("zz-blocked"), 5);
        // Half the batch updates rows that exist, half inserts new ones.
        var handles = new GrainState<CounterState>[20];
        for (var i = 0; i < handles.Length; i++)
            handles[i] = i % 2 == 0 ? await WrittenAsync(storage, Grain(i), -1) : new GrainState<CounterState>();

        await using var plugLock = await LockRowAsync(Grain("plug"));
        await using var blockedLock = await LockRowAsync(Grain("zz-blocked"));
        var plugWrite = storage.WriteStateAsync(StateName, Grain("plug"), plug);
        await WaitForWriterBlockedByAsync(plugLock);
        foreach (var handle in handles) handle.State.Value = 42;
        var writes = handles.Select((handle, i) => storage.WriteStateAsync(StateName, Grain(i), handle)).ToList();
        blocked.State.Value = 6;
        writes.Add(storage.WriteStateAsync(StateName, Grain("zz-blocked"), blocked));
        await plugLock.DisposeAsync();
        await plugWrite.WithTimeout();
        var writer = await WaitForWriterBlockedByAsync(blockedLock);
        await TerminateAsync(writer);

        foreach (var write in writes)
        {
            var error = await Assert.ThrowsAsync<DataException>(() => write.WithTimeout());
            Assert.Contains($"in grain storage 'Default' (PostgreSQL) failed (one transaction with {writes.Count - 1} other state writes", error.Message);
            Assert.Contains("Nothing of that transaction was stored", error.Message);
            Assert.IsAssignableFrom<NpgsqlException>(error.InnerException);
        }

        await blockedLock.DisposeAsync();
        for (var i = 0; i < handles.Length; i++)
        {
            var read = await ReadAsync(storage, Grain(i));
            Assert.Equal(i % 2 == 0, read.RecordExists);
            Assert.Equal(i % 2 == 0 ? -1 : 0, read.State.Value);
            Assert.Equal(handles[i].ETag, read.ETag);
        }

        Assert.Equal(5, (await ReadAsync(storage, Grain("zz-blocked"))).State.Value);

        // The failed writes changed no handle, so writing them again succeeds: the provider works on.
        await Task.WhenAll(handles.Select((handle, i) => storage.WriteStateAsync(StateName, Grain(i), handle))).WithTimeout();
        for (var i = 0; i < handles.Length; i++) Assert.Equal(42, (await ReadAsync(storage, Grain(i))).State.Value);
    }

    private static GrainId Grain(int i) => Grain($"g{i:D4}");

    private static GrainId Grain(string key) => new("test.counter", $"tenant/{key}");

    private static async Task<Exception?> Outcome(Task write)
    {
        try
        {
            await write;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static async Task<GrainState<CounterState>> WrittenAsync(IGrainStorage storage, GrainId grain, int value)
    {
        var handle = new GrainState<CounterState> { State = new CounterState { Value = value } };
        await storage.WriteStateAsync(StateName, grain, handle).WithTimeout();
        return handle;
    }

    private static async Task<GrainState<CounterState>> ReadAsync(IGrainStorage storage, GrainId grain)
    {
        var handle = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, grain, handle).WithTimeout();
        return handle;
    }

    private IGrainStorage Storage(int maxConcurrentCommits)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TestSerializer.Instance);
        services.AddPostgreSqlGrainStorage("Default", options =>
        {
            options.ConnectionString = $"{postgres.SharedConnectionString};Application Name={applicationName}";
            options.ServiceId = serviceId;
            options.MaxConcurrentCommits = maxConcurrentCommits;
        });
        var provider = services.BuildServiceProvider();
        owned.Add(provider);
        return provider.GetRequiredKeyedService<IGrainStorage>("Default");
    }
}
