using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CustomerService.Runtime.Membership;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using static CustomerService.Runtime.AdoNet.Membership.PostgreSqlMembershipStatements;

namespace CustomerService.Runtime.AdoNet.Membership;

/// <summary>The membership table in PostgreSQL (Orleans' ADO.NET clustering design): a version row per cluster and a
/// row per silo. Inserts and updates run in one transaction that moves the version from the expected number to the
/// new one and writes the row (an update only if the row's etag matches); if either part finds nothing to change, the
/// transaction is rolled back and the write returns false. The schema is created at initialisation if missing.</summary>
public sealed class PostgreSqlMembershipTable : IMembershipTable, IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlMembershipOptions options;
    private readonly NpgsqlDataSource dataSource;
    private readonly ILogger logger;

    /// <summary>A table for <c>options.ClusterId</c> in the database of <c>options.ConnectionString</c>.</summary>
    public PostgreSqlMembershipTable(PostgreSqlMembershipOptions options, ILogger<PostgreSqlMembershipTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        this.options = options;
        dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(bool tryInitTableVersion)
    {
        var elapsed = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await ExecuteAsync(connection, SchemaLock).ConfigureAwait(false);
        await ExecuteAsync(connection, CreateVersionTable).ConfigureAwait(false);
        await ExecuteAsync(connection, CreateMembersTable).ConfigureAwait(false);
        if (tryInitTableVersion)
            await ExecuteAsync(connection, InitVersion, Text(options.ClusterId)).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
        logger.Initialized(options.ClusterId, elapsed.ElapsedMilliseconds);
    }

    /// <inheritdoc />
    public Task<MembershipTableData> ReadAllAsync() => ReadAsync(null);

    /// <inheritdoc />
    public Task<MembershipTableData> ReadRowAsync(SiloAddress key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ReadAsync(key);
    }

    /// <inheritdoc />
    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion newVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(newVersion);
        var done = await WriteAsync(newVersion, connection => Command(connection, InsertMember, RowParameters(entry))).ConfigureAwait(false);
        if (!done) logger.WriteConflict(options.ClusterId, "insert", entry.SiloAddress, newVersion.Version);
        return done;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion newVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(etag);
        ArgumentNullException.ThrowIfNull(newVersion);
        var done = int.TryParse(etag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expected)
            && await WriteAsync(newVersion, connection => Command(connection, UpdateMember, [.. RowParameters(entry), Integer(expected)])).ConfigureAwait(false);
        if (!done) logger.WriteConflict(options.ClusterId, "update", entry.SiloAddress, newVersion.Version);
        return done;
    }

    /// <inheritdoc />
    public async Task UpdateIAmAliveAsync(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await ExecuteAsync(connection, UpdateIAmAlive, [.. KeyParameters(entry.SiloAddress), Time(entry.IAmAliveTime)]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate)
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        var removed = await ExecuteAsync(connection, Cleanup, Text(options.ClusterId), Integer((int)SiloStatus.Dead), Time(beforeDate)).ConfigureAwait(false);
        if (removed > 0) logger.CleanedUp(options.ClusterId, removed, beforeDate);
    }

    /// <inheritdoc />
    public async Task DeleteMembershipTableEntriesAsync(string clusterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await ExecuteAsync(connection, DeleteMembers, Text(clusterId)).ConfigureAwait(false);
        await ExecuteAsync(connection, DeleteVersion, Text(clusterId)).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the connections of this table's pool.</summary>
    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <summary>Closes the connections of this table's pool.</summary>
    public void Dispose() => dataSource.Dispose();

    private async Task<MembershipTableData> ReadAsync(SiloAddress? key)
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        NpgsqlParameter[] parameters = key is null
            ? [Text(options.ClusterId), Text(null), Integer(null), Integer(null)]
            : [Text(options.ClusterId), .. KeyParameters(key)[1..]];
        await using var command = Command(connection, Read, parameters);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var version = TableVersion.Initial;
        var entries = new List<(MembershipEntry, string)>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var number = reader.GetInt32(0);
            version = new TableVersion(number, number.ToString(CultureInfo.InvariantCulture));
            if (reader.IsDBNull(1)) continue;
            var entry = new MembershipEntry(
                new SiloAddress(reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)),
                (SiloStatus)reader.GetInt32(6),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt32(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetFieldValue<DateTimeOffset>(9),
                JsonSerializer.Deserialize(reader.GetString(10), PostgreSqlMembershipJsonContext.Default.ListSuspectVote) ?? []);
            entries.Add((entry, reader.GetInt32(11).ToString(CultureInfo.InvariantCulture)));
        }

        return new MembershipTableData(entries, version);
    }

    // Moves the version first: its row lock makes concurrent writers of the cluster wait, and a writer that waited
    // re-checks the version after the other committed, so only one of two writers from the same read succeeds.
    private async Task<bool> WriteAsync(TableVersion newVersion, Func<NpgsqlConnection, NpgsqlCommand> writeRow)
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var bumped = await ExecuteAsync(connection, BumpVersion, Text(options.ClusterId), Integer(newVersion.Version)).ConfigureAwait(false);
        if (bumped != 1 || await ExecuteAsync(writeRow(connection)).ConfigureAwait(false) != 1)
        {
            await transaction.RollbackAsync().ConfigureAwait(false);
            return false;
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return true;
    }

    private NpgsqlParameter[] KeyParameters(SiloAddress silo) =>
        [Text(options.ClusterId), Text(silo.Host), Integer(silo.Port), Integer(silo.Generation)];

    private NpgsqlParameter[] RowParameters(MembershipEntry entry) =>
    [
        .. KeyParameters(entry.SiloAddress),
        Text(entry.SiloName),
        Text(entry.HostName),
        Integer((int)entry.Status),
        Integer(entry.GatewayPort),
        Time(entry.StartTime),
        Time(entry.IAmAliveTime),
        Text(JsonSerializer.Serialize([.. entry.SuspectVotes], PostgreSqlMembershipJsonContext.Default.ListSuspectVote)),
    ];

    private static Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters) =>
        ExecuteAsync(Command(connection, sql, parameters));

    private static async Task<int> ExecuteAsync(NpgsqlCommand command)
    {
        await using (command.ConfigureAwait(false))
            return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Varchar, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Integer(int? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Time(DateTimeOffset value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value.ToUniversalTime() };
}
