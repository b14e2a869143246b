using CustomerService.Runtime.Testing.PostgreSql;
using Npgsql;

namespace CustomerService.Runtime.Storage.Tests.Infrastructure;

/// <summary>The throwaway server is shared test infrastructure (membership and message store tests use it too), so
/// its own promises are checked here.</summary>
[Trait("Category", "Integration")]
[Collection(PostgreSqlCollection.Name)]
public sealed class ThrowawayPostgreSqlTests(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task ACreatedDatabaseIsReachableOverLoopbackTcp()
    {
        var connectionString = await postgres.CreateDatabaseAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().WithTimeout();
        await using var command = new NpgsqlCommand("SELECT current_database(), inet_server_addr()::text", connection);
        await using var reader = await command.ExecuteReaderAsync().WithTimeout();
        Assert.True(await reader.ReadAsync().WithTimeout());
        Assert.StartsWith("storage_", reader.GetString(0));
        Assert.Equal("127.0.0.1/32", reader.GetString(1));
    }

    [Fact]
    public async Task ADatabaseNameThatNeedsQuotingIsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => postgres.Server.CreateDatabaseAsync("Bad-Name; DROP").WithTimeout());
    }

    [Fact]
    public async Task DisposingStopsTheServerAndDeletesItsDirectory()
    {
        var server = await ThrowawayPostgreSql.StartAsync().WaitAsync(TestTimeouts.ServerStart);
        var connectionString = server.AdminConnectionString;
        var directory = Path.GetDirectoryName(server.DataDirectory)!;
        Assert.True(Directory.Exists(server.DataDirectory));

        await server.DisposeAsync().AsTask().WaitAsync(TestTimeouts.ServerStart);

        Assert.False(Directory.Exists(directory));
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=2");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync().WithTimeout());
    }
}
