using System.Globalization;
using CustomerService.Runtime.Placement;

namespace CustomerService.Runtime.Membership.Tests.Placement;

/// <summary>How evenly a ring spreads keys: keys per silo as a percentage of the mean.</summary>
internal sealed record PlacementSpread(int Silos, int VirtualNodes, int Keys, double MinPercent, double MaxPercent, double StdDevPercent)
{
    public static SiloAddress[] MakeSilos(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SiloAddress("127.0.0.1", 11111 + i, 100_000 + i))];

    public static GrainId[] MakeKeys(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new GrainId("conversation", $"tenant-{i % 50}/conv-{i}"))];

    public static PlacementSpread Measure(int silos, int virtualNodes, GrainId[] keys)
    {
        var ring = new ConsistentHashRing(MakeSilos(silos), virtualNodes);
        var counts = ring.Silos.ToDictionary(silo => silo, _ => 0);
        foreach (var key in keys) counts[ring.GetOwner(key)]++;
        var mean = (double)keys.Length / silos;
        var percents = counts.Values.Select(count => 100 * count / mean).ToArray();
        var stdDev = Math.Sqrt(percents.Select(p => (p - 100) * (p - 100)).Average());
        return new PlacementSpread(silos, virtualNodes, keys.Length, percents.Min(), percents.Max(), stdDev);
    }

    public static string Header => "| silos | virtual nodes per silo | keys | min % of mean | max % of mean | std dev % of mean |\n|---:|---:|---:|---:|---:|---:|";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"| {Silos} | {VirtualNodes} | {Keys:N0} | {MinPercent:F1} | {MaxPercent:F1} | {StdDevPercent:F1} |");
}
