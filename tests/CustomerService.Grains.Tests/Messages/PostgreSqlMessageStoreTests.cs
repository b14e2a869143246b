using CustomerService.Grains.Messages;
using Npgsql;

namespace CustomerService.Grains.Tests.Messages;

/// <summary>The message store suite on a real PostgreSQL server, shared by the run (tests use tenants of their own),
/// plus what only a server can do: drop the store's connection.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMessageStoreTests(PostgreSqlServerFixture server) : MessageStoreSuite
{
    protected override MessageStoreEngine Engine => MessageStoreEngine.PostgreSql;

    protected override MessageStoreOptions DatabaseOptions() => new() { ConnectionString = server.ConnectionString };

    [Fact]
    public async Task AWriterConnectionClosedByTheServerIsReplacedWithoutFailingTheNextAppend()
    {
        var store = OpenStore();
        await StoredAsync(store, Message(Conversation(), 1));

        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync().WaitAsync(Timeout);
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'customerservice-message-writer'", admin);
            Assert.True((long)(await kill.ExecuteScalarAsync().WaitAsync(Timeout))! >= 1);
        }

        var ack = await StoredAsync(store, Message(Conversation(), 2));

        Assert.Equal(2, ack.Seq);
        Assert.Equal([1L, 2], (await Within(store.GetAfterAsync(Conversation(), 0, 10))).Select(m => m.Seq));
    }
}
