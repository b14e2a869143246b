using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CustomerService.Runtime.AdoNet.Dialects;

/// <summary>SQLite: one file, one writer at a time. Writes go through one open connection (see
/// <see cref="SqliteWriteConnection"/>); reads use pooled connections, which WAL lets run beside a write.</summary>
internal sealed class SqliteDialect : AdoNetDialect
{
    public static readonly DialectDescription Describe = new(
        "SQLite", "Data Source=./data/customerservice.db", FindConnectionStringProblem);

    private readonly string readConnectionString;
    private readonly SqliteWriteConnection writer;

    public SqliteDialect(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        CreateDirectoryOf(builder);
        readConnectionString = builder.ToString();
        var busyTimeoutMs = checked(Math.Max(builder.DefaultTimeout, 1) * 1000);
        // The write connection lives as long as the provider; pooling it would only hide it from ClearPool.
        builder.Pooling = false;
        writer = new SqliteWriteConnection(builder.ToString(), busyTimeoutMs);
    }

    public override DialectDescription Description => Describe;

    // IMMEDIATE takes the write lock at once: a deferred transaction that reads first could fail to upgrade its lock.
    public override string BeginWrite => "BEGIN IMMEDIATE";

    public override bool BlocksThreadOnIo => true;

    public override string Parameter(int ordinal) => $"@p{ordinal}";

    public override void AddText(DbParameterCollection parameters, string? value) => Add(parameters, SqliteType.Text, value);

    public override void AddInt64(DbParameterCollection parameters, long value) => Add(parameters, SqliteType.Integer, value);

    // Stored as ISO 8601 text, which sorts in time order and reads well in the sqlite3 shell.
    public override void AddTimestamp(DbParameterCollection parameters, DateTimeOffset value) =>
        Add(parameters, SqliteType.Text, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));

    public override async ValueTask<DbSession> OpenReadAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(readConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return new PooledDbSession(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask<DbSession> OpenWriteAsync(CancellationToken cancellationToken) => writer.EnterAsync(cancellationToken);

    // A rowid table (not WITHOUT ROWID): states can be large, and SQLite advises WITHOUT ROWID only for small rows.
    public override string GrainStateTableDdl(string table) => $"""
        CREATE TABLE IF NOT EXISTS {table} (
            service_id  TEXT    NOT NULL,
            grain_type  TEXT    NOT NULL,
            grain_key   TEXT    NOT NULL,
            state_name  TEXT    NOT NULL,
            payload     TEXT    NULL,
            version     INTEGER NOT NULL,
            modified_at TEXT    NOT NULL,
            PRIMARY KEY (service_id, grain_type, grain_key, state_name)
        )
        """;

    // SQLite takes the write lock for DDL like for any write, and the write connection waits for it (busy_timeout).
    public override async Task ApplySchemaAsync(string ddl, CancellationToken cancellationToken)
    {
        await using var session = await writer.EnterAsync(cancellationToken).ConfigureAwait(false);
        var command = session.CreateCommand(ddl);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync().ConfigureAwait(false);
        // Close the pooled read connections too, so the database file is released when the provider is.
        using var connection = new SqliteConnection(readConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static void Add(DbParameterCollection parameters, SqliteType type, object? value)
    {
        var parameter = new SqliteParameter($"@p{parameters.Count + 1}", type) { Value = value ?? DBNull.Value };
        parameters.Add(parameter);
    }

    private static void CreateDirectoryOf(SqliteConnectionStringBuilder builder)
    {
        if (builder.Mode is SqliteOpenMode.Memory || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }

    private static string? FindConnectionStringProblem(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return e.Message;
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
            return "it names no database file; add 'Data Source=<path of the database file>'.";
        if (builder.Mode is SqliteOpenMode.ReadOnly)
            return "'Mode=ReadOnly' cannot store state; remove it.";
        var privateMemory = builder.DataSource == ":memory:" ||
                            (builder.Mode is SqliteOpenMode.Memory && builder.Cache is not SqliteCacheMode.Shared);
        if (privateMemory)
            return "a private in-memory database is not shared between connections, so reads would not see writes; " +
                   "use a file, 'Mode=Memory;Cache=Shared', or the memory grain storage provider.";
        return null;
    }
}
