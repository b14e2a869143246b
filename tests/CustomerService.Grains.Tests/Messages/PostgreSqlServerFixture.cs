using CustomerService.Runtime.Testing.PostgreSql;

namespace CustomerService.Grains.Tests.Messages;

/// <summary>One real PostgreSQL server per test run (a <see cref="ThrowawayPostgreSql"/>) with the suite's database.</summary>
public sealed class PostgreSqlServerFixture : IAsyncLifetime
{
    private ThrowawayPostgreSql? server;

    /// <summary>A connection string to the suite's database.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        server = await ThrowawayPostgreSql.StartAsync();
        ConnectionString = await server.CreateDatabaseAsync("message_store_tests");
    }

    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServerFixture>
{
    public const string Name = "PostgreSQL message store";
}
