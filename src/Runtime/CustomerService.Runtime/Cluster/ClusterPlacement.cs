using CustomerService.Runtime.Membership;
using CustomerService.Runtime.Placement;

namespace CustomerService.Runtime.Cluster;

/// <summary>The ring this silo places grains by, rebuilt from each new version of the membership table. Every silo and
/// client computes the same ring from the same version.</summary>
internal sealed class ClusterPlacement
{
    private volatile Snapshot current = new(-1, null);

    public ConsistentHashRing? Ring => current.Ring;

    /// <summary>Rebuilds the ring when the table changed; true when it did.</summary>
    public bool Update(MembershipTableData data)
    {
        if (data.Version.Version == current.Version) return false;
        var ring = ConsistentHashRing.FromMembership(data);
        current = new Snapshot(data.Version.Version, ring.IsEmpty ? null : ring);
        return true;
    }

    private sealed record Snapshot(int Version, ConsistentHashRing? Ring);
}
