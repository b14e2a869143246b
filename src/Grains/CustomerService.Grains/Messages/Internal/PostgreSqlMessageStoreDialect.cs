using System.Data.Common;
using Npgsql;

namespace CustomerService.Grains.Messages.Internal;

/// <summary>PostgreSQL: full-text search with the 'simple' configuration over a GIN expression index.</summary>
internal sealed class PostgreSqlMessageStoreDialect(string connectionString, string table) : MessageStoreDialect(table)
{
    /// <summary>The application name of the writer's connection, so that it stands out in <c>pg_stat_activity</c>.</summary>
    public const string WriterApplicationName = "customerservice-message-writer";

    // Any fixed number: serialises concurrent schema creation by several silos (CREATE ... IF NOT EXISTS can race).
    private const long SchemaLockKey = 0x4d53_4731;
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
    private readonly NpgsqlDataSource writerSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = WriterApplicationName }.ToString());

    public override string SchemaLockStatement => $"SELECT pg_advisory_xact_lock({SchemaLockKey});";

    public override MessageStoreEngine Engine => MessageStoreEngine.PostgreSql;

    public override bool FullTextFindsSubstrings => false;

    public override string LikeOperator => "ILIKE";

    public override async ValueTask<DbConnection> OpenReadAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) =>
        await writerSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task ApplySchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT pg_advisory_xact_lock({SchemaLockKey});
            CREATE TABLE IF NOT EXISTS {Table} (
                id                TEXT    NOT NULL PRIMARY KEY,
                tenant            TEXT    NOT NULL,
                conversation_id   TEXT    NOT NULL,
                seq               BIGINT  NOT NULL,
                client_message_id TEXT    NOT NULL,
                author_kind       TEXT    NOT NULL,
                author_id         TEXT    NOT NULL,
                author_name       TEXT    NOT NULL,
                text              TEXT    NOT NULL,
                attachments       TEXT    NOT NULL,
                private           BOOLEAN NOT NULL,
                sent_at           BIGINT  NOT NULL,
                UNIQUE (conversation_id, seq),
                UNIQUE (conversation_id, client_message_id)
            );
            CREATE INDEX IF NOT EXISTS {Table}_tenant_id ON {Table} (tenant, id);
            CREATE INDEX IF NOT EXISTS {Table}_fts ON {Table} USING GIN (to_tsvector('simple', text));
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override (string Join, string Condition) FullTextMatch() =>
        ("", "to_tsvector('simple', m.text) @@ websearch_to_tsquery('simple', @query)");

    // websearch syntax: quoted words are plain words, and a leading '-' or 'or' cannot turn a word into an operator.
    public override string FullTextQuery(IReadOnlyList<string> words) =>
        string.Join(' ', words.Select(word => $"\"{word.Replace("\"", " ", StringComparison.Ordinal)}\""));

    public override async ValueTask DisposeAsync()
    {
        await writerSource.DisposeAsync().ConfigureAwait(false);
        await dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
