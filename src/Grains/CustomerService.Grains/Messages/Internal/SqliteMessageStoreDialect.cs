using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CustomerService.Grains.Messages.Internal;

/// <summary>SQLite: WAL with synchronous=FULL, so a commit is durable when it returns; FTS5 with the trigram tokenizer
/// over an external-content table filled by a trigger (messages are never updated or deleted).</summary>
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
            CREATE TRIGGER IF NOT EXISTS {Table}_fts_insert AFTER INSERT ON {Table} BEGIN
                INSERT INTO {Table}_fts (rowid, text) VALUES (new.rowid, new.text);
            END;
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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
}
