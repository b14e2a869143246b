namespace CustomerService.Runtime.Membership;

/// <summary>A consistent snapshot of (part of) the membership table: rows with their etags and the table version they
/// were read at.</summary>
/// <param name="Entries">The rows, each with the etag a later update of it must name.</param>
/// <param name="Version">The table version; a write based on this read uses <see cref="TableVersion.Next"/>.</param>
public sealed record MembershipTableData(IReadOnlyList<(MembershipEntry Entry, string ETag)> Entries, TableVersion Version)
{
    /// <summary>The row of <paramref name="silo"/> and its etag, if present.</summary>
    public bool TryGet(SiloAddress silo, out MembershipEntry entry, out string etag)
    {
        foreach (var (candidate, candidateEtag) in Entries)
        {
            if (candidate.SiloAddress == silo)
            {
                entry = candidate;
                etag = candidateEtag;
                return true;
            }
        }

        entry = null!;
        etag = null!;
        return false;
    }
}
