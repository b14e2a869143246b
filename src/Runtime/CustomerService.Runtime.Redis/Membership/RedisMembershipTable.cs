using System.Globalization;
using System.Text.Json;
using CustomerService.Runtime.Membership;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CustomerService.Runtime.Redis.Membership;

/// <summary>The membership table in Redis: one hash per cluster; field <c>Version</c> holds the table version, and one
/// field per silo (its address string) holds the row and its etag as JSON. Every insert and update is one
/// transaction conditioned on <c>Version</c> (and on the row field: absent for an insert, unchanged for an update).</summary>
public sealed class RedisMembershipTable : IMembershipTable, IAsyncDisposable, IDisposable
{
    private const string VersionField = "Version";
    private const int IAmAliveAttempts = 10;

    private readonly RedisMembershipOptions options;
    private readonly ILogger logger;
    private readonly SemaphoreSlim connectLock = new(1, 1);
    private ConnectionMultiplexer? connection;

    /// <summary>A table for <c>options.ClusterId</c> at <c>options.ConnectionString</c>; it connects on first use.</summary>
    public RedisMembershipTable(RedisMembershipOptions options, ILogger<RedisMembershipTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        this.options = options;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    private RedisKey ClusterKey => KeyOf(options.ClusterId);

    /// <inheritdoc />
    public async Task InitializeAsync(bool tryInitTableVersion)
    {
        var db = await DatabaseAsync().ConfigureAwait(false);
        if (tryInitTableVersion) await db.HashSetAsync(ClusterKey, VersionField, 0, When.NotExists).ConfigureAwait(false);
        logger.Initialized(options.ClusterId, ClusterKey.ToString());
    }

    /// <inheritdoc />
    public async Task<MembershipTableData> ReadAllAsync()
    {
        var db = await DatabaseAsync().ConfigureAwait(false);
        var fields = await db.HashGetAllAsync(ClusterKey).ConfigureAwait(false);
        var version = TableVersion.Initial;
        var entries = new List<(MembershipEntry, string)>(fields.Length);
        foreach (var field in fields)
        {
            if (field.Name == VersionField) version = ToVersion(field.Value);
            else entries.Add(ToTuple(Deserialize(field.Value)));
        }

        return new MembershipTableData(entries, version);
    }

    /// <inheritdoc />
    public async Task<MembershipTableData> ReadRowAsync(SiloAddress key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var values = await db.HashGetAsync(ClusterKey, [VersionField, key.ToString()]).ConfigureAwait(false);
        IReadOnlyList<(MembershipEntry, string)> entries = values[1].IsNull ? [] : [ToTuple(Deserialize(values[1]))];
        return new MembershipTableData(entries, values[0].IsNull ? TableVersion.Initial : ToVersion(values[0]));
    }

    /// <inheritdoc />
    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion newVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(newVersion);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var field = entry.SiloAddress.ToString();
        var transaction = db.CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(ClusterKey, VersionField, newVersion.Version - 1));
        transaction.AddCondition(Condition.HashNotExists(ClusterKey, field));
        var done = await CommitAsync(transaction, entry, newVersion).ConfigureAwait(false);
        if (!done) logger.WriteConflict(options.ClusterId, "insert", entry.SiloAddress, newVersion.Version);
        return done;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion newVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(etag);
        ArgumentNullException.ThrowIfNull(newVersion);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var field = entry.SiloAddress.ToString();
        // The etag lives inside the row's JSON: check it here, then make the write conditional on the very JSON that
        // was checked, so a row changed in between fails the transaction.
        var stored = await db.HashGetAsync(ClusterKey, field).ConfigureAwait(false);
        var done = false;
        if (!stored.IsNull && Deserialize(stored).ETag == etag)
        {
            var transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.HashEqual(ClusterKey, VersionField, newVersion.Version - 1));
            transaction.AddCondition(Condition.HashEqual(ClusterKey, field, stored));
            done = await CommitAsync(transaction, entry, newVersion).ConfigureAwait(false);
        }

        if (!done) logger.WriteConflict(options.ClusterId, "update", entry.SiloAddress, newVersion.Version);
        return done;
    }

    /// <inheritdoc />
    public async Task UpdateIAmAliveAsync(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var field = entry.SiloAddress.ToString();
        for (var attempt = 1; attempt <= IAmAliveAttempts; attempt++)
        {
            var stored = await db.HashGetAsync(ClusterKey, field).ConfigureAwait(false);
            if (stored.IsNull) return;
            var row = Deserialize(stored);
            // Conditional on the row read, so that a concurrent update of the row is never overwritten.
            var transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.HashEqual(ClusterKey, field, stored));
            _ = transaction.HashSetAsync(ClusterKey, field, Serialize(row with { Entry = row.Entry with { IAmAliveTime = entry.IAmAliveTime } }));
            if (await transaction.ExecuteAsync().ConfigureAwait(false)) return;
        }

        logger.IAmAliveGaveUp(options.ClusterId, entry.SiloAddress, IAmAliveAttempts);
    }

    /// <inheritdoc />
    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate)
    {
        var db = await DatabaseAsync().ConfigureAwait(false);
        var removed = 0;
        foreach (var field in await db.HashGetAllAsync(ClusterKey).ConfigureAwait(false))
        {
            if (field.Name == VersionField) continue;
            var entry = Deserialize(field.Value).Entry;
            if (entry.Status != SiloStatus.Dead || entry.IAmAliveTime >= beforeDate) continue;
            var transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.HashEqual(ClusterKey, field.Name, field.Value));
            _ = transaction.HashDeleteAsync(ClusterKey, field.Name);
            if (await transaction.ExecuteAsync().ConfigureAwait(false)) removed++;
        }

        if (removed > 0) logger.CleanedUp(options.ClusterId, removed, beforeDate);
    }

    /// <inheritdoc />
    public async Task DeleteMembershipTableEntriesAsync(string clusterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        var db = await DatabaseAsync().ConfigureAwait(false);
        await db.KeyDeleteAsync(KeyOf(clusterId)).ConfigureAwait(false);
    }

    /// <summary>Closes the connection to Redis.</summary>
    public async ValueTask DisposeAsync()
    {
        if (connection is { } open) await open.CloseAsync().ConfigureAwait(false);
        connection?.Dispose();
        connectLock.Dispose();
    }

    /// <summary>Closes the connection to Redis.</summary>
    public void Dispose()
    {
        connection?.Dispose();
        connectLock.Dispose();
    }

    private RedisKey KeyOf(string clusterId) => options.KeyPrefix + clusterId;

    private async Task<bool> CommitAsync(ITransaction transaction, MembershipEntry entry, TableVersion newVersion)
    {
        var etag = newVersion.Version.ToString(CultureInfo.InvariantCulture);
        _ = transaction.HashSetAsync(ClusterKey, entry.SiloAddress.ToString(), Serialize(new RedisMembershipRow(etag, entry)));
        _ = transaction.HashSetAsync(ClusterKey, VersionField, newVersion.Version);
        return await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    private async ValueTask<IDatabase> DatabaseAsync()
    {
        if (connection is { } open) return open.GetDatabase();
        await connectLock.WaitAsync().ConfigureAwait(false);
        try
        {
            connection ??= await ConnectionMultiplexer.ConnectAsync(options.ConnectionString).ConfigureAwait(false);
            return connection.GetDatabase();
        }
        finally
        {
            connectLock.Release();
        }
    }

    private static TableVersion ToVersion(RedisValue value)
    {
        var text = value.ToString();
        return new TableVersion(int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture), text);
    }

    private static (MembershipEntry, string) ToTuple(RedisMembershipRow row) => (row.Entry, row.ETag);

    private static string Serialize(RedisMembershipRow row) => JsonSerializer.Serialize(row, RedisMembershipJsonContext.Default.RedisMembershipRow);

    private static RedisMembershipRow Deserialize(RedisValue value) =>
        JsonSerializer.Deserialize((string)value!, RedisMembershipJsonContext.Default.RedisMembershipRow)
        ?? throw new InvalidDataException("A membership row in Redis is null.");
}
