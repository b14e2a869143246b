using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace CustomerService.Runtime.AdoNet.Dialects;

/// <summary>PostgreSQL through one <see cref="NpgsqlDataSource"/> (its pool) per provider.</summary>
internal sealed class PostgreSqlDialect : AdoNetDialect
{
    public static readonly DialectDescription Describe = new(
        "PostgreSQL", "Host=localhost;Database=customerservice;Username=customerservice;Password=…", FindConnectionStringProblem,
        DefaultConcurrentCommits: 1, MaxConcurrentCommits: 64);

    // Serializes DDL of concurrent starters: two sessions racing on CREATE TABLE IF NOT EXISTS can both pass the
    // existence check and one then fails on the catalog's unique index.
    private const string SchemaLockSql = "SELECT pg_advisory_xact_lock(hashtext($1))";
    private const string SchemaLockName = "CustomerService.Runtime.AdoNet schema";

    private readonly NpgsqlDataSource dataSource;

    public PostgreSqlDialect(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        // The provider runs the same few statements all the time: let Npgsql prepare them once per physical
        // connection, unless the operator chose otherwise (Max Auto Prepare=0 is needed behind PgBouncer in
        // transaction mode, so an explicit 0 must stay 0).
        if (!Names(connectionString, "Max Auto Prepare", "MaxAutoPrepare")) settings.MaxAutoPrepare = 16;
        if (string.IsNullOrEmpty(settings.ApplicationName)) settings.ApplicationName = "CustomerService grain storage";
        // The pool belongs to this provider alone, and its statements never change session state (no SET, no temp
        // tables, only transaction-scoped locks), so the reset Npgsql runs on every pooled open would be pure cost:
        // measured at about 0.2 ms per write, a third of the 1-writer latency (bench/STORAGE.md).
        settings.NoResetOnClose = true;
        dataSource = builder.Build();
    }

    public override DialectDescription Description => Describe;

    // Positional parameters: Npgsql sends them as they are instead of rewriting named ones.
    public override string Parameter(int ordinal) => $"${ordinal}";

    public override void AddText(DbParameterCollection parameters, string? value) =>
        parameters.Add(value is null
            ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = DBNull.Value }
            : new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = value });

    public override void AddInt64(DbParameterCollection parameters, long value) =>
        parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = value });

    public override void AddTimestamp(DbParameterCollection parameters, DateTimeOffset value) =>
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = value.ToUniversalTime() });

    // An error the server sent ends its transaction (an implicit one, a batch's, included) without committing it.
    public override bool RolledBack(Exception error) => error is PostgresException;

    public override async ValueTask<DbSession> OpenReadAsync(CancellationToken cancellationToken) =>
        new PooledDbSession(await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));

    public override ValueTask<DbSession> OpenWriteAsync(CancellationToken cancellationToken) => OpenReadAsync(cancellationToken);

    // payload is text, not jsonb: jsonb reorders object keys, and System.Text.Json expects polymorphic metadata
    // ("$type") first; jsonb also rejects \u0000 in strings. The provider never queries inside a payload, so
    // jsonb's parsing on every write would cost without benefit (payload::jsonb still works for ad hoc queries).
    // The key columns use the C collation: they are identifiers compared for equality only, and byte order is the
    // cheapest and the same on every server. fillfactor leaves room in each page so that a state update can be a
    // HOT update (version and payload are not indexed), which keeps the primary key index from growing.
    public override string GrainStateTableDdl(string table) => $"""
        CREATE TABLE IF NOT EXISTS {table} (
            service_id  text COLLATE "C" NOT NULL,
            grain_type  text COLLATE "C" NOT NULL,
            grain_key   text COLLATE "C" NOT NULL,
            state_name  text COLLATE "C" NOT NULL,
            payload     text        NULL,
            version     bigint      NOT NULL,
            modified_at timestamptz NOT NULL,
            PRIMARY KEY (service_id, grain_type, grain_key, state_name)
        ) WITH (fillfactor = 90)
        """;

    public override async Task ApplySchemaAsync(string ddl, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var schemaLock = new NpgsqlCommand(SchemaLockSql, connection, transaction))
        {
            schemaLock.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = SchemaLockName });
            await schemaLock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var create = new NpgsqlCommand(ddl, connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static bool Names(string connectionString, params string[] keywords)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }

    private static string? FindConnectionStringProblem(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return e.Message;
        }

        return string.IsNullOrWhiteSpace(builder.Host) ? "it names no server; add 'Host=<server name or address>'." : null;
    }
}
