using System.Globalization;
using CustomerService.Runtime.Placement;
using Xunit.Abstractions;

namespace CustomerService.Runtime.Membership.Tests.Placement;

/// <summary>Prints the tables of bench/PLACEMENT.md. Run:
/// <c>dotnet test tests/CustomerService.Runtime.Membership.Tests --filter "FullyQualifiedName~PlacementSpreadReport" --logger "console;verbosity=detailed"</c></summary>
public sealed class PlacementSpreadReport(ITestOutputHelper output)
{
    private static readonly GrainId[] Keys = PlacementSpread.MakeKeys(100_000);

    [Fact]
    public void PrintsTheSpreadOfOneHundredThousandKeysOverThreeFiveAndTenSilos()
    {
        output.WriteLine(PlacementSpread.Header);
        foreach (var virtualNodes in new[] { 30, 64, 128, ConsistentHashRing.DefaultVirtualNodesPerSilo, 512 })
            foreach (var silos in new[] { 3, 5, 10 })
                output.WriteLine(PlacementSpread.Measure(silos, virtualNodes, Keys).ToString());
    }

    [Fact]
    public void PrintsHowManyKeysMoveWhenASiloJoins()
    {
        output.WriteLine("| silos before | keys moved | ideal 1/(N+1) | moved to a silo other than the new one |\n|---:|---:|---:|---:|");
        foreach (var silos in new[] { 3, 5, 10 })
        {
            var before = new ConsistentHashRing(PlacementSpread.MakeSilos(silos));
            var added = new SiloAddress("127.0.0.2", 22222, 7);
            var after = new ConsistentHashRing([.. before.Silos, added]);
            var moved = Keys.Where(key => before.GetOwner(key) != after.GetOwner(key)).ToList();
            var elsewhere = moved.Count(key => after.GetOwner(key) != added);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {silos} | {100.0 * moved.Count / Keys.Length:F1} % | {100.0 / (silos + 1):F1} % | {elsewhere} |"));
            Assert.Equal(0, elsewhere);
        }
    }
}
