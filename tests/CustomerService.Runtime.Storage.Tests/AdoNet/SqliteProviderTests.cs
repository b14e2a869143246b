using CustomerService.Runtime.AdoNet.Storage;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Storage.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Storage.Tests.AdoNet;

[Trait("Category", "Integration")]
public sealed class SqliteProviderTests : AdoNetProviderTests
{
    private readonly List<TempSqliteFile> files = [];

    protected override Task<string> NewDatabaseAsync()
    {
        var file = new TempSqliteFile();
        files.Add(file);
        return Task.FromResult(file.ConnectionString);
    }

    protected override void AddProvider(IServiceCollection services, string name, Action<AdoNetGrainStorageOptions> configure) =>
        services.AddSqliteGrainStorage(name, configure);

    protected override void AddProvider(IServiceCollection services, string name, IConfiguration configuration) =>
        services.AddSqliteGrainStorage(name, configuration);

    protected override async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        // Pooling off: a pooled connection would keep the file open after the test.
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await command.ExecuteScalarAsync()) == 1;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in files) file.Dispose();
    }

    [Fact]
    public async Task TheDatabaseIsInWalModeAndItsDirectoryIsCreated()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cs-storage-{Guid.NewGuid():N}", "data");
        var file = Path.Combine(directory, "state.db");
        try
        {
            var storage = Services(s => AddProvider(s, "Default", o => o.ConnectionString = $"Data Source={file}"))
                .GetRequiredKeyedService<IGrainStorage>("Default");
            await storage.WriteStateAsync("state", new GrainId("test.counter", "tenant/1"), new GrainState<CounterState>()).WithTimeout();

            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync().WithTimeout();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", await command.ExecuteScalarAsync().WithTimeout());
        }
        finally
        {
            await DisposeAsync();
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    [Fact]
    public async Task TheWriteAheadLogIsCheckpointedWhileTheProviderWrites()
    {
        // Every write is an UPDATE ... RETURNING; SQLite runs its automatic checkpoint only when a statement is stepped
        // to its end, so a provider that read just the returned row let the log grow without bound (bench/README.md).
        var file = new TempSqliteFile();
        files.Add(file);
        var storage = Services(s => AddProvider(s, "Default", o => o.ConnectionString = file.ConnectionString))
            .GetRequiredKeyedService<IGrainStorage>("Default");
        var state = new GrainState<CounterState> { State = new CounterState { Note = new string('x', 6000) } };
        var grain = new GrainId("test.counter", "tenant/wal");
        for (var i = 0; i < 1500; i++)
        {
            state.State.Value = i;
            await storage.WriteStateAsync("state", grain, state).WithTimeout();
        }

        // About two 4 KB pages per write: 12 MB of log unless it is checkpointed (every 1,000 pages by default) and
        // reused; once checkpointed, the database file itself holds the rows.
        var log = new FileInfo(file.Path + "-wal").Length;
        Assert.True(log < 8 << 20, $"the write-ahead log is {log:N0} bytes after 1,500 writes");
        Assert.True(new FileInfo(file.Path).Length > 8192, $"the database file is {new FileInfo(file.Path).Length:N0} bytes: never checkpointed");
    }

    [Fact]
    public async Task ConcurrentWritesShareCommitsYetEachKeepsItsOwnCondition()
    {
        // Writes that queue while a commit runs go into the next one (group commit); a stale write among them must
        // still fail alone and change nothing, and every other write must be stored with its own new version.
        var file = new TempSqliteFile();
        files.Add(file);
        var storage = Services(s => AddProvider(s, "Default", o => o.ConnectionString = file.ConnectionString))
            .GetRequiredKeyedService<IGrainStorage>("Default");
        var stale = new GrainState<CounterState> { State = new CounterState { Value = 1 } };
        var contested = new GrainId("test.counter", "tenant/contested");
        await storage.WriteStateAsync("state", contested, stale).WithTimeout();
        var winner = new GrainState<CounterState> { State = new CounterState { Value = 2 }, ETag = stale.ETag };
        await storage.WriteStateAsync("state", contested, winner).WithTimeout();

        var states = Enumerable.Range(0, 200).Select(i => new GrainState<CounterState> { State = new CounterState { Value = i } }).ToArray();
        var writes = states.Select((state, i) => storage.WriteStateAsync("state", new GrainId("test.counter", $"tenant/g{i}"), state)).ToList();
        stale.State.Value = 99;
        var staleWrite = storage.WriteStateAsync("state", contested, stale);
        await Task.WhenAll(writes).WithTimeout();

        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite.WithTimeout());
        for (var i = 0; i < states.Length; i++)
        {
            var read = new GrainState<CounterState>();
            await storage.ReadStateAsync("state", new GrainId("test.counter", $"tenant/g{i}"), read).WithTimeout();
            Assert.Equal(i, read.State.Value);
            Assert.Equal(states[i].ETag, read.ETag);
        }

        var kept = new GrainState<CounterState>();
        await storage.ReadStateAsync("state", contested, kept).WithTimeout();
        Assert.Equal(2, kept.State.Value);
        Assert.Equal(winner.ETag, kept.ETag);
    }

    [Fact]
    public void MoreThanOneConcurrentCommitIsRejectedBecauseSqliteHasOneWriter()
    {
        var services = Services(s => AddProvider(s, "Default", o =>
        {
            o.ConnectionString = "Data Source=state.db";
            o.MaxConcurrentCommits = 2;
        }));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>("Default"));

        Assert.Contains("AdoNetGrainStorageOptions.MaxConcurrentCommits is 2", error.Message);
        Assert.Contains("set it to 1 (one writer at a time)", error.Message);
    }

    [Fact]
    public void APrivateInMemoryDatabaseIsRejectedBecauseReadsWouldNotSeeWrites()
    {
        var services = Services(s => AddProvider(s, "Default", o => o.ConnectionString = "Data Source=:memory:"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>("Default"));

        Assert.Contains("AdoNetGrainStorageOptions.ConnectionString is not usable", error.Message);
        Assert.Contains("Cache=Shared", error.Message);
    }
}
