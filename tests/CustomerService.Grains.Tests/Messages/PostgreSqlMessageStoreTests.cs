using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Tests.Messages;

/// <summary>The message store suite on a real PostgreSQL server, shared by the run (tests use tenants of their own).</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMessageStoreTests(PostgreSqlServerFixture server) : MessageStoreSuite
{
    protected override MessageStoreEngine Engine => MessageStoreEngine.PostgreSql;

    protected override MessageStoreOptions DatabaseOptions() => new() { ConnectionString = server.ConnectionString };
}
