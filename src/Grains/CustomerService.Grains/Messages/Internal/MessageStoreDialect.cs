using System.Data.Common;

namespace CustomerService.Grains.Messages.Internal;

/// <summary>What differs between SQLite and PostgreSQL for the message store: connections, DDL and full-text search.
/// Everything else (inserts, reads, conflict resolution) is the same SQL on both.</summary>
internal abstract class MessageStoreDialect(string table) : IAsyncDisposable
{
    protected string Table { get; } = table;

    public abstract MessageStoreEngine Engine { get; }

    /// <summary>True when the full-text index finds any substring of 3 or more characters, CJK text included
    /// (SQLite's trigram tokenizer). PostgreSQL's 'simple' parser sees a run of CJK characters as one word, so
    /// there a CJK query goes to the scanning fallback.</summary>
    public abstract bool FullTextFindsSubstrings { get; }

    /// <summary>The case-insensitive substring operator for the scanning fallback.</summary>
    public abstract string LikeOperator { get; }

    /// <summary>A pooled connection for reads.</summary>
    public abstract ValueTask<DbConnection> OpenReadAsync(CancellationToken cancellationToken);

    /// <summary>The long-lived connection of the store's one writer, set up for durable commits.</summary>
    public abstract ValueTask<DbConnection> OpenWriterAsync(CancellationToken cancellationToken);

    /// <summary>Creates the table and indexes if missing; safe against other processes doing the same.</summary>
    public abstract Task ApplySchemaAsync(CancellationToken cancellationToken);

    /// <summary>The SQL condition matching full-text query parameter <c>@query</c> against row alias <c>m</c>, and any
    /// join it needs after <c>FROM {table} m</c>.</summary>
    public abstract (string Join, string Condition) FullTextMatch();

    /// <summary>The full-text query text for the words of a query.</summary>
    public abstract string FullTextQuery(IReadOnlyList<string> words);

    /// <summary>True when an insert commits without full-text work and <see cref="IndexFullTextAsync"/> adds committed
    /// rows to the full-text index afterwards (SQLite). PostgreSQL's GIN index is maintained by the insert itself.</summary>
    public virtual bool IndexesFullTextAfterCommit => false;

    /// <summary>A connection of its own for the full-text indexer.</summary>
    public virtual ValueTask<DbConnection> OpenFullTextIndexerAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Engine} indexes full text in the insert.");

    /// <summary>Adds up to <paramref name="maxRows"/> committed rows that are not in the full-text index yet, oldest
    /// first, and moves the stored watermark past them, in one transaction. <paramref name="knownWatermark"/> is the
    /// watermark this returned last time (or -1): when nothing was committed since, no transaction is started.</summary>
    /// <returns>How many rows were added, and the watermark now.</returns>
    public virtual Task<(int Count, long Watermark)> IndexFullTextAsync(DbConnection connection, int maxRows, long knownWatermark, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Engine} indexes full text in the insert.");

    /// <summary>A statement run first in a schema transaction to serialise schema creation by several processes.</summary>
    public virtual string SchemaLockStatement => "";

    public abstract ValueTask DisposeAsync();
}
