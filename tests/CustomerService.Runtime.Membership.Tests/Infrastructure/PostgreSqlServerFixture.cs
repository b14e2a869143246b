using CustomerService.Runtime.Testing.PostgreSql;

namespace CustomerService.Runtime.Membership.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL server with one database, shared by the tests of
/// <see cref="PostgreSqlServerCollection"/>; tests keep apart by cluster id.</summary>
public sealed class PostgreSqlServerFixture : IAsyncLifetime
{
    private ThrowawayPostgreSql? server;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        server = await ThrowawayPostgreSql.StartAsync().WaitAsync(TestTimeouts.Server);
        ConnectionString = await server.CreateDatabaseAsync("membership_tests").WaitAsync(TestTimeouts.Call);
    }

    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Server);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlServerCollection : ICollectionFixture<PostgreSqlServerFixture>
{
    public const string Name = "PostgreSQL server";
}
