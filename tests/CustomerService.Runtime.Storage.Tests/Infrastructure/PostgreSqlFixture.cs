using CustomerService.Runtime.Testing.PostgreSql;

namespace CustomerService.Runtime.Storage.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL server for all PostgreSQL tests of a run, with a shared database for tests that
/// isolate themselves by service id and fresh databases for tests that need an empty one.</summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private ThrowawayPostgreSql? server;
    private int databases;

    public ThrowawayPostgreSql Server => server ?? throw new InvalidOperationException("The server is not started.");

    public string SharedConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var options = new ThrowawayPostgreSqlOptions();
        // These tests check behaviour, not durability; the benchmark runs with fsync on.
        options.Settings["fsync"] = "off";
        server = await ThrowawayPostgreSql.StartAsync(options).WaitAsync(TestTimeouts.ServerStart);
        SharedConnectionString = await server.CreateDatabaseAsync("storage_shared").WithTimeout();
    }

    public Task<string> CreateDatabaseAsync() =>
        Server.CreateDatabaseAsync($"storage_{Interlocked.Increment(ref databases)}").WithTimeout();

    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}
