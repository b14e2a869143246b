using System.Globalization;
using CustomerService.Runtime.Membership;

namespace CustomerService.Runtime.Placement;

/// <summary>Places grains on silos with a consistent-hash ring: each silo owns <c>virtualNodesPerSilo</c> points on a
/// 64-bit circle, and a grain belongs to the silo of the first point at or after the grain's hash. Built from the same
/// silos, the ring is the same in every process whatever the order of the input, and adding or removing one silo moves
/// only the grains that the change must move (about 1/N of them).</summary>
public sealed class ConsistentHashRing
{
    /// <summary>The default number of points per silo; see <c>bench/PLACEMENT.md</c> for the spread it gives.</summary>
    public const int DefaultVirtualNodesPerSilo = 256;

    private readonly ulong[] points;
    private readonly SiloAddress[] owners;

    /// <summary>A ring over <paramref name="silos"/> (duplicates are ignored).</summary>
    /// <param name="silos">The silos that own grains, normally the Active ones of one membership version.</param>
    /// <param name="virtualNodesPerSilo">Points per silo: more gives a more even spread and a larger ring.</param>
    public ConsistentHashRing(IEnumerable<SiloAddress> silos, int virtualNodesPerSilo = DefaultVirtualNodesPerSilo)
    {
        ArgumentNullException.ThrowIfNull(silos);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualNodesPerSilo, 1);
        Silos = [.. silos.Distinct().Order()];
        VirtualNodesPerSilo = virtualNodesPerSilo;

        var ring = new (ulong Point, SiloAddress Silo)[Silos.Count * virtualNodesPerSilo];
        var next = 0;
        foreach (var silo in Silos)
        {
            var name = silo.ToString();
            for (var node = 0; node < virtualNodesPerSilo; node++)
                ring[next++] = (StableHash.Hash64(string.Create(CultureInfo.InvariantCulture, $"{name}#{node}")), silo);
        }

        // Ties (two silos hashing a point to the same value) break by address, so every process orders them alike.
        Array.Sort(ring, static (a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Silo.CompareTo(b.Silo));
        points = [.. ring.Select(entry => entry.Point)];
        owners = [.. ring.Select(entry => entry.Silo)];
    }

    /// <summary>A ring over the Active silos of a membership snapshot.</summary>
    public static ConsistentHashRing FromMembership(MembershipTableData membership, int virtualNodesPerSilo = DefaultVirtualNodesPerSilo)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return new ConsistentHashRing(
            membership.Entries.Where(row => row.Entry.Status == SiloStatus.Active).Select(row => row.Entry.SiloAddress),
            virtualNodesPerSilo);
    }

    /// <summary>The silos on the ring, in address order.</summary>
    public IReadOnlyList<SiloAddress> Silos { get; }

    /// <summary>Points per silo.</summary>
    public int VirtualNodesPerSilo { get; }

    /// <summary>True when no silo is on the ring, so no grain can be placed.</summary>
    public bool IsEmpty => points.Length == 0;

    /// <summary>The silo that owns <paramref name="grainId"/>.</summary>
    /// <exception cref="InvalidOperationException">The ring has no silos.</exception>
    public SiloAddress GetOwner(GrainId grainId) => GetOwner(HashOf(grainId));

    /// <summary>The silo that owns the point <paramref name="hash"/> on the circle.</summary>
    /// <exception cref="InvalidOperationException">The ring has no silos.</exception>
    public SiloAddress GetOwner(ulong hash)
    {
        if (IsEmpty) throw new InvalidOperationException("The placement ring has no Active silo, so no grain can be placed.");
        var index = Array.BinarySearch(points, hash);
        if (index < 0) index = ~index;
        return owners[index == points.Length ? 0 : index];
    }

    /// <summary>Where <paramref name="grainId"/> lies on the circle: the stable hash of its type and key.</summary>
    public static ulong HashOf(GrainId grainId) => StableHash.Hash64(grainId.Type + "\u001f" + grainId.Key);
}
