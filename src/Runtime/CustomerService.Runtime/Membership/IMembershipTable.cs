namespace CustomerService.Runtime.Membership;

/// <summary>The membership table of one cluster (Orleans' <c>IMembershipTable</c>): one row per silo and one table
/// version. Every provider is scoped to the cluster id in its options.</summary>
/// <remarks>
/// <see cref="InsertRowAsync"/> and <see cref="UpdateRowAsync"/> change the row and the table version together,
/// atomically, and only when <c>newVersion</c> is the stored version plus one (its etag naming the stored version)
/// and, for an update, the row's stored etag equals the one given; an insert also requires that the row does not
/// exist. Otherwise they return false and change nothing: re-read and retry. <see cref="UpdateIAmAliveAsync"/> is a
/// plain write of one field that leaves the version and the row's etag unchanged.
/// </remarks>
public interface IMembershipTable
{
    /// <summary>Prepares the store (schema, keys). With <paramref name="tryInitTableVersion"/> it also creates the
    /// table version 0 if the cluster has none yet; an existing version is left as it is.</summary>
    Task InitializeAsync(bool tryInitTableVersion);

    /// <summary>Reads every row and the table version, as one consistent snapshot.</summary>
    Task<MembershipTableData> ReadAllAsync();

    /// <summary>Reads one row (none when absent) and the table version, as one consistent snapshot.</summary>
    Task<MembershipTableData> ReadRowAsync(SiloAddress key);

    /// <summary>Adds a row and sets the table version to <paramref name="newVersion"/>, atomically. False, with
    /// nothing changed, when the row exists or the stored version is not <c>newVersion.Version - 1</c>.</summary>
    Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion newVersion);

    /// <summary>Replaces a row and sets the table version to <paramref name="newVersion"/>, atomically. False, with
    /// nothing changed, when the row is absent, its etag is not <paramref name="etag"/>, or the stored version is not
    /// <c>newVersion.Version - 1</c>.</summary>
    Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion newVersion);

    /// <summary>Sets the IAmAlive time of the row of <c>entry.SiloAddress</c> to <c>entry.IAmAliveTime</c>; nothing
    /// else of the row, its etag or the table version changes. Does nothing when the row is absent.</summary>
    Task UpdateIAmAliveAsync(MembershipEntry entry);

    /// <summary>Removes the rows of Dead silos whose IAmAlive time is before <paramref name="beforeDate"/>.</summary>
    Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate);

    /// <summary>Removes every row and the version of the cluster <paramref name="clusterId"/>.</summary>
    Task DeleteMembershipTableEntriesAsync(string clusterId);
}
