using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CustomerService.Grains.Messages.Internal;

/// <summary>SQLite: WAL with synchronous=FULL, so a commit is durable when it returns; FTS5 with the trigram tokenizer
/// over an external-content table (messages are never updated or deleted), filled after the commit by the store's
/// full-text indexer up to a watermark kept in <c>{table}_fts_progress</c> (see <see cref="IndexFullTextAsync"/>).</summary>
internal sealed class SqliteMessageStoreDialect : MessageStoreDialect
{
    private readonly string readConnectionString;
    private readonly string writeConnectionString;
    private readonly int busyTimeoutMs;

    public SqliteMessageStoreDialect(string connectionString, string table) : base(table)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        readConnectionString = builder.ToString();
        busyTimeoutMs = checked(Math.Max(builder.DefaultTimeout, 1) * 1000);
        builder.Pooling = false;
        writeConnectionString = builder.ToString();
    }

    public override MessageStoreEngine Engine => MessageStoreEngine.Sqlite;

    public override bool FullTextFindsSubstrings => true;

    public override string LikeOperator => "LIKE";

    public override async ValueTask<DbConnection> OpenReadAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(readConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async ValueTask<DbConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(writeConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            // synchronous is per connection: FULL fsyncs the WAL at every commit, which is what makes an ack durable.
            pragmas.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task ApplySchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var triggerExists = $"SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = '{Table}_fts_insert'";
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                id                TEXT    NOT NULL PRIMARY KEY,
                tenant            TEXT    NOT NULL,
                conversation_id   TEXT    NOT NULL,
                seq               INTEGER NOT NULL,
                client_message_id TEXT    NOT NULL,
                author_kind       TEXT    NOT NULL,
                author_id         TEXT    NOT NULL,
                author_name       TEXT    NOT NULL,
                text              TEXT    NOT NULL,
                attachments       TEXT    NOT NULL,
                private           INTEGER NOT NULL,
                sent_at           INTEGER NOT NULL,
                UNIQUE (conversation_id, seq),
                UNIQUE (conversation_id, client_message_id)
            );
            CREATE INDEX IF NOT EXISTS {Table}_tenant_id ON {Table} (tenant, id);
            CREATE VIRTUAL TABLE IF NOT EXISTS {Table}_fts USING fts5(text, content='{Table}', content_rowid='rowid', tokenize='trigram');
            CREATE TABLE IF NOT EXISTS {Table}_fts_progress (
                id            INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
                indexed_rowid INTEGER NOT NULL
            );
            INSERT OR IGNORE INTO {Table}_fts_progress (id, indexed_rowid) SELECT 1, COALESCE(MAX(rowid), 0) FROM {Table};
            INSERT INTO {Table}_fts (rowid, text) SELECT rowid, text FROM {Table}
                WHERE EXISTS ({triggerExists}) AND rowid > (SELECT indexed_rowid FROM {Table}_fts_progress)
                  AND rowid NOT IN (SELECT id FROM {Table}_fts_docsize);
            UPDATE {Table}_fts_progress SET indexed_rowid = (SELECT COALESCE(MAX(rowid), 0) FROM {Table}) WHERE EXISTS ({triggerExists});
            DROP TRIGGER IF EXISTS {Table}_fts_insert;
            """;
        // Databases made before the indexer filled the index with a trigger inside every message commit, so every row
        // they hold is indexed: the watermark starts at the last of them, set in the transaction that drops the trigger
        // (nothing is indexed twice, nothing committed after it is missed). A new database starts at 0, the same thing.
        // A database that has both a watermark and the trigger ran an older build after this one (a rollback): the
        // trigger indexed what that build committed, not what this one had left above the watermark. The rows above
        // the watermark that FTS5 has no document size for are those; they are indexed here, then the watermark moves
        // to the end. (The scan is of the rows above the watermark only.)
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IndexesFullTextAfterCommit => true;

    public override async ValueTask<DbConnection> OpenFullTextIndexerAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        // No fsync of its own: a crash can lose the indexer's last transactions, but each takes its watermark with it
        // (WAL keeps transactions whole), and the rows are indexed again. The next message commit (FULL) syncs them.
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    // Rowids only grow (rows are never deleted), and this runs under the write lock that inserts take too, so every row
    // above the watermark is committed and not indexed, and every row at or below it is indexed exactly once.
    public override async Task<(int Count, long Watermark)> IndexFullTextAsync(DbConnection connection, int maxRows, long knownWatermark, CancellationToken cancellationToken)
    {
        // Without a lock first: a search's flush on an idle store costs one read, not a write transaction.
        if (knownWatermark >= 0 && await ScalarAsync(connection, null, $"SELECT COALESCE(MAX(rowid), 0) FROM {Table}", cancellationToken).ConfigureAwait(false) <= knownWatermark)
            return (0, knownWatermark);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var watermark = await ScalarAsync(connection, transaction, $"SELECT indexed_rowid FROM {Table}_fts_progress WHERE id = 1", cancellationToken).ConfigureAwait(false);
        await using var range = connection.CreateCommand();
        range.Transaction = transaction;
        range.CommandText = $"SELECT COUNT(*), COALESCE(MAX(rowid), @after) FROM (SELECT rowid FROM {Table} WHERE rowid > @after ORDER BY rowid LIMIT @rows)";
        range.Parameters.Add(new SqliteParameter("@after", watermark));
        range.Parameters.Add(new SqliteParameter("@rows", maxRows));
        int count;
        long upTo;
        await using (var reader = await range.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (count, upTo) = (reader.GetInt32(0), reader.GetInt64(1));
        }

        if (count > 0)
        {
            await using var index = connection.CreateCommand();
            index.Transaction = transaction;
            index.CommandText = $"""
                INSERT INTO {Table}_fts (rowid, text) SELECT rowid, text FROM {Table} WHERE rowid > @after AND rowid <= @upTo ORDER BY rowid;
                UPDATE {Table}_fts_progress SET indexed_rowid = @upTo WHERE id = 1;
                """;
            index.Parameters.Add(new SqliteParameter("@after", watermark));
            index.Parameters.Add(new SqliteParameter("@upTo", upTo));
            await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (count, upTo);
    }

    public override (string Join, string Condition) FullTextMatch() =>
        ($"JOIN {Table}_fts f ON f.rowid = m.rowid", $"{Table}_fts MATCH @query");

    // Each word becomes an FTS5 string (a phrase), so that no character of the user's text is read as query syntax.
    public override string FullTextQuery(IReadOnlyList<string> words) =>
        string.Join(' ', words.Select(word => $"\"{word.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));

    public override ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(readConnectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
