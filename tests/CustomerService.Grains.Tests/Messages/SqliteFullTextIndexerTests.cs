using CustomerService.Grains.Messages;
using CustomerService.Runtime.Testing;
using Microsoft.Data.Sqlite;

namespace CustomerService.Grains.Tests.Messages;

/// <summary>SQLite's full-text index is filled after the commit by the store's indexer, up to a stored watermark:
/// searches still see every committed message, restarts and crashes resume without gaps or duplicates, and databases
/// made with the old insert trigger migrate.</summary>
[Trait("Category", "Integration")]
public sealed class SqliteFullTextIndexerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"cs-fts-{Guid.NewGuid():N}");
    private readonly ManualTimeProvider clock = new();
    private readonly List<IMessageStore> stores = [];

    private string Database => Path.Combine(directory, "messages.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var store in stores) await store.DisposeAsync().AsTask().WaitAsync(Timeout);
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task ASearchFindsAMessageCommittedBeforeTheIndexerWasDue()
    {
        var store = OpenStore();
        await StoredAsync(store, 1, "the first refund request");
        Assert.Single(await SearchAsync(store, "refund"));

        // The round the search asked for started the interval, and the clock does not move: only a flush indexes this.
        await StoredAsync(store, 2, "a second refund request");
        var found = await SearchAsync(store, "second refund");

        Assert.Equal(2, Assert.Single(found).Seq);
        Assert.Equal(2, await Within(IndexedRowsAsync()));
    }

    [Fact]
    public async Task TheIndexerIndexesCommittedMessagesOnceTheIntervalHasPassed()
    {
        var store = OpenStore();
        await StoredAsync(store, 1, "the first refund request");
        await StoredAsync(store, 2, "a second refund request");

        await WaitUntilAsync(async () =>
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return await IndexedRowsAsync() == 2;
        });

        Assert.Equal(2, await Within(WatermarkAsync()));
    }

    [Fact]
    public async Task AReopenedStoreResumesAtTheWatermarkAndIndexesNothingTwice()
    {
        var first = OpenStore(o => o.FullTextIndexBatchSize = 2);
        for (var seq = 1; seq <= 5; seq++) await StoredAsync(first, seq, $"refund request {seq}");
        Assert.Equal(5, (await SearchAsync(first, "refund")).Count);
        await first.DisposeAsync().AsTask().WaitAsync(Timeout);

        var second = OpenStore(o => o.FullTextIndexBatchSize = 2);
        await StoredAsync(second, 6, "refund request 6");
        var found = await SearchAsync(second, "refund");

        // One hit per message. (Not in id order: with the clock standing still, two stores' ids share a timestamp.)
        Assert.Equal([1L, 2, 3, 4, 5, 6], found.Select(m => m.Seq).Order());
        Assert.Equal(6, await Within(IndexedRowsAsync()));
        await Within(AssertIndexMatchesMessagesAsync());
    }

    [Fact]
    public async Task MessagesCommittedButNotIndexedWhenTheStoreStopsAreFoundThroughTheNextStore()
    {
        var first = OpenStore();
        await StoredAsync(first, 1, "an early refund request");
        Assert.Single(await SearchAsync(first, "refund"));
        await StoredAsync(first, 2, "a late invoice question");
        await first.DisposeAsync().AsTask().WaitAsync(Timeout);
        // What a crash right after the commit leaves behind: the message is stored, the index does not have it.
        Assert.Equal(1, await Within(IndexedRowsAsync()));

        var second = OpenStore();
        var found = await SearchAsync(second, "invoice");

        Assert.Equal(2, Assert.Single(found).Seq);
        await Within(AssertIndexMatchesMessagesAsync());
    }

    [Fact]
    public async Task ADatabaseIndexedByTheOldTriggerMigratesWithoutIndexingItsRowsAgain()
    {
        await Within(CreateOldDatabaseAsync(["an old refund request", "another old refund request"]));

        var store = OpenStore();
        await StoredAsync(store, 3, "a new refund request");
        var found = await SearchAsync(store, "refund");

        Assert.Equal([3L, 2, 1], found.Select(m => m.Seq));
        Assert.Equal(3, await Within(IndexedRowsAsync()));
        Assert.Equal(0, await Within(ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'")));
        await Within(AssertIndexMatchesMessagesAsync());
    }

    [Fact]
    public async Task AnOlderBuildRunBetweenTwoStartsLeavesEveryMessageIndexedOnce()
    {
        var first = OpenStore();
        await StoredAsync(first, 1, "a refund request");
        Assert.Single(await SearchAsync(first, "refund"));
        await StoredAsync(first, 2, "a refund request left above the watermark");
        await first.DisposeAsync().AsTask().WaitAsync(Timeout);
        // A rollback: the older build puts its trigger back and indexes what it commits in the commit.
        await Within(ExecuteAsync(OldTrigger));
        await Within(ExecuteAsync("""
            INSERT INTO messages VALUES ('ZZZZZZZZZZZZZZZZZZZZZZZZZZ', 't1', 't1/c1', 3, 'client-3', 'visitor', 'v1', 'Visitor One',
                'a refund request from the older build', '[]', 0, 0)
            """));

        var second = OpenStore();
        var found = await SearchAsync(second, "refund");

        Assert.Equal([1L, 2, 3], found.Select(m => m.Seq).Order());
        await Within(AssertIndexMatchesMessagesAsync());
    }

    private const string OldTrigger = """
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
            INSERT INTO messages_fts (rowid, text) VALUES (new.rowid, new.text);
        END;
        """;

    private IMessageStore OpenStore(Action<MessageStoreOptions>? configure = null)
    {
        var options = new MessageStoreOptions { ConnectionString = $"Data Source={Database}", IndexWriteInterval = TimeSpan.FromMinutes(1) };
        configure?.Invoke(options);
        var store = MessageStores.Create(MessageStoreEngine.Sqlite, options, clock);
        stores.Add(store);
        return store;
    }

    private static async Task StoredAsync(IMessageStore store, long seq, string text)
    {
        var message = new NewMessage("t1/c1", seq, $"client-{seq}", new MessageAuthor(AuthorKind.Visitor, "v1", "Visitor One"), text, []);
        Assert.IsType<AppendResult.Stored>(await store.AppendAsync(message).WaitAsync(Timeout));
    }

    private static Task<IReadOnlyList<ChatMessage>> SearchAsync(IMessageStore store, string query) =>
        store.SearchAsync("t1", query, 50).WaitAsync(Timeout);

    private static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Timeout);

    private static Task Within(Task task) => task.WaitAsync(Timeout);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(10);
        }
    }

    // One row per indexed message in FTS5's document-size table.
    private Task<long> IndexedRowsAsync() => ScalarAsync("SELECT COUNT(*) FROM messages_fts_docsize");

    private Task<long> WatermarkAsync() => ScalarAsync("SELECT indexed_rowid FROM messages_fts_progress");

    // FTS5 compares the index with the content table: a message missing or indexed twice fails it.
    private async Task AssertIndexMatchesMessagesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)";
        await command.ExecuteNonQueryAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    // The schema as the store made it before the indexer (FTS filled by a trigger in the insert's transaction).
    private async Task CreateOldDatabaseAsync(string[] texts)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE messages (
                id TEXT NOT NULL PRIMARY KEY, tenant TEXT NOT NULL, conversation_id TEXT NOT NULL, seq INTEGER NOT NULL,
                client_message_id TEXT NOT NULL, author_kind TEXT NOT NULL, author_id TEXT NOT NULL, author_name TEXT NOT NULL,
                text TEXT NOT NULL, attachments TEXT NOT NULL, private INTEGER NOT NULL, sent_at INTEGER NOT NULL,
                UNIQUE (conversation_id, seq), UNIQUE (conversation_id, client_message_id));
            CREATE INDEX messages_tenant_id ON messages (tenant, id);
            CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='rowid', tokenize='trigram');
            """ + OldTrigger;
        await command.ExecuteNonQueryAsync();
        for (var i = 0; i < texts.Length; i++)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO messages VALUES (@id, 't1', 't1/c1', @seq, @client, 'visitor', 'v1', 'Visitor One', @text, '[]', 0, 0)
                """;
            insert.Parameters.AddWithValue("@id", $"{i + 1:D26}"); // older than any id the store makes
            insert.Parameters.AddWithValue("@seq", i + 1);
            insert.Parameters.AddWithValue("@client", $"client-{i + 1}");
            insert.Parameters.AddWithValue("@text", texts[i]);
            await insert.ExecuteNonQueryAsync();
        }
    }
}
