using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Runtime.Membership;

/// <summary>A membership table held in this process, for tests and embedded mode. The store is process-wide and keyed
/// by cluster id, so several silos in one process that name the same cluster share one table.</summary>
public sealed class InMemoryMembershipTable : IMembershipTable
{
    private static readonly ConcurrentDictionary<string, ClusterStore> Clusters = new(StringComparer.Ordinal);

    private readonly string clusterId;
    private readonly ILogger logger;

    /// <summary>A table for the cluster <paramref name="clusterId"/>.</summary>
    public InMemoryMembershipTable(string clusterId, ILogger<InMemoryMembershipTable>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        this.clusterId = clusterId;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public Task InitializeAsync(bool tryInitTableVersion)
    {
        if (tryInitTableVersion) Clusters.GetOrAdd(clusterId, static _ => new ClusterStore());
        logger.Initialized(clusterId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<MembershipTableData> ReadAllAsync() => Task.FromResult(Store().Read(null));

    /// <inheritdoc />
    public Task<MembershipTableData> ReadRowAsync(SiloAddress key) => Task.FromResult(Store().Read(key));

    /// <inheritdoc />
    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion newVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(newVersion);
        var done = Clusters.TryGetValue(clusterId, out var store) && store.Write(entry, expectedEtag: null, newVersion);
        if (!done) logger.WriteConflict(clusterId, "insert", entry.SiloAddress, newVersion.Version);
        return Task.FromResult(done);
    }

    /// <inheritdoc />
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion newVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(etag);
        ArgumentNullException.ThrowIfNull(newVersion);
        var done = Clusters.TryGetValue(clusterId, out var store) && store.Write(entry, etag, newVersion);
        if (!done) logger.WriteConflict(clusterId, "update", entry.SiloAddress, newVersion.Version);
        return Task.FromResult(done);
    }

    /// <inheritdoc />
    public Task UpdateIAmAliveAsync(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Clusters.TryGetValue(clusterId, out var store)) store.SetIAmAlive(entry.SiloAddress, entry.IAmAliveTime);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate)
    {
        if (Clusters.TryGetValue(clusterId, out var store)) store.RemoveDeadBefore(beforeDate);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteMembershipTableEntriesAsync(string clusterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        Clusters.TryRemove(clusterId, out _);
        return Task.CompletedTask;
    }

    private ClusterStore Store() => Clusters.TryGetValue(clusterId, out var store) ? store : ClusterStore.Empty;

    // One lock per cluster keeps row and version changes atomic; the table is small and written rarely.
    private sealed class ClusterStore
    {
        public static readonly ClusterStore Empty = new();

        private readonly Dictionary<SiloAddress, (MembershipEntry Entry, long ETag)> rows = [];
        private int version;
        private long lastEtag;

        public MembershipTableData Read(SiloAddress? key)
        {
            lock (rows)
            {
                var entries = rows.Values
                    .Where(row => key is null || row.Entry.SiloAddress == key)
                    .Select(row => (row.Entry, Format(row.ETag)))
                    .ToList();
                return new MembershipTableData(entries, new TableVersion(version, Format(version)));
            }
        }

        public bool Write(MembershipEntry entry, string? expectedEtag, TableVersion newVersion)
        {
            lock (rows)
            {
                if (newVersion.Version != version + 1) return false;
                var exists = rows.TryGetValue(entry.SiloAddress, out var current);
                if (expectedEtag is null ? exists : !exists || Format(current.ETag) != expectedEtag) return false;
                rows[entry.SiloAddress] = (entry, ++lastEtag);
                version = newVersion.Version;
                return true;
            }
        }

        public void SetIAmAlive(SiloAddress silo, DateTimeOffset time)
        {
            lock (rows)
            {
                if (rows.TryGetValue(silo, out var row)) rows[silo] = (row.Entry with { IAmAliveTime = time }, row.ETag);
            }
        }

        public void RemoveDeadBefore(DateTimeOffset beforeDate)
        {
            lock (rows)
            {
                foreach (var (silo, row) in rows.ToList())
                    if (row.Entry.Status == SiloStatus.Dead && row.Entry.IAmAliveTime < beforeDate) rows.Remove(silo);
            }
        }

        private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
