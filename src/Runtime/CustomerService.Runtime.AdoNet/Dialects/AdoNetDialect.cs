using System.Data.Common;

namespace CustomerService.Runtime.AdoNet.Dialects;

/// <summary>What differs between the database engines behind the one ADO.NET implementation: how connections are
/// obtained, how parameters are written and typed, and the DDL.</summary>
/// <remarks>Statements use parameters by ordinal: <see cref="Parameter"/> gives the placeholder for ordinal n, and
/// the <c>Add…</c> methods append the next parameter, so a statement binds its values in ordinal order.</remarks>
internal abstract class AdoNetDialect : IAsyncDisposable
{
    /// <summary>Describes the engine for messages.</summary>
    public abstract DialectDescription Description { get; }

    /// <summary>The placeholder for the 1-based parameter <paramref name="ordinal"/> in SQL text.</summary>
    public abstract string Parameter(int ordinal);

    /// <summary>Appends a text parameter; null binds SQL NULL.</summary>
    public abstract void AddText(DbParameterCollection parameters, string? value);

    /// <summary>Appends a 64-bit integer parameter.</summary>
    public abstract void AddInt64(DbParameterCollection parameters, long value);

    /// <summary>Appends a UTC timestamp parameter.</summary>
    public abstract void AddTimestamp(DbParameterCollection parameters, DateTimeOffset value);

    /// <summary>A connection for statements that only read.</summary>
    public abstract ValueTask<DbSession> OpenReadAsync(CancellationToken cancellationToken);

    /// <summary>The statement that starts a transaction of several state writes (a group commit).</summary>
    public virtual string BeginWrite => "BEGIN";

    /// <summary>Whether <paramref name="error"/> says the server rolled the transaction back (it reported an error),
    /// as opposed to a lost connection, after which a transaction being committed may or may not have been.</summary>
    public virtual bool RolledBack(Exception error) => false;

    /// <summary>Whether the driver's asynchronous methods really run synchronously, holding their thread for the whole
    /// round trip or fsync (Microsoft.Data.Sqlite): group commits then run on a thread of their own instead of the
    /// thread pool.</summary>
    public virtual bool BlocksThreadOnIo => false;

    /// <summary>A connection for statements that write.</summary>
    public abstract ValueTask<DbSession> OpenWriteAsync(CancellationToken cancellationToken);

    /// <summary>The <c>CREATE TABLE IF NOT EXISTS</c> statement of the grain state table.</summary>
    public abstract string GrainStateTableDdl(string table);

    /// <summary>Runs idempotent DDL, safely against other processes doing the same at the same time.</summary>
    public abstract Task ApplySchemaAsync(string ddl, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
