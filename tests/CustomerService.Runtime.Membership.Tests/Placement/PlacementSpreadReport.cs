using CustomerService.Runtime.Placement;
using Xunit.Abstractions;

namespace CustomerService.Runtime.Membership.Tests.Placement;

/// <summary>Prints the spread table of bench/PLACEMENT.md. Run:
/// <c>dotnet test tests/CustomerService.Runtime.Membership.Tests --filter "FullyQualifiedName~PlacementSpreadReport" --logger "console;verbosity=detailed"</c></summary>
public sealed class PlacementSpreadReport(ITestOutputHelper output)
{
    [Fact]
    public void PrintsTheSpreadOfOneHundredThousandKeysOverThreeFiveAndTenSilos()
    {
        var keys = PlacementSpread.MakeKeys(100_000);
        output.WriteLine(PlacementSpread.Header);
        foreach (var virtualNodes in new[] { 30, 64, 128, ConsistentHashRing.DefaultVirtualNodesPerSilo, 512 })
            foreach (var silos in new[] { 3, 5, 10 })
                output.WriteLine(PlacementSpread.Measure(silos, virtualNodes, keys).ToString());
    }
}
