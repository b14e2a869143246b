using System.Text.Json;

namespace CustomerService.WebFront.Tests.Api;

/// <summary>The runtime settings WebFront ships with (its runtimeconfig.json, built from the project and
/// src/ServerHost.props): the in-process test host does not run under them, so they are read from the file.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void WebFrontRunsServerGcWithACappedGen0BudgetAndNoThreadPoolSpinning()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "CustomerService.WebFront.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        // Without the cap, the GC sized gen0 from the L3 cache (300 MB reported on the benchmark machine) and kept up
        // to a quarter of the heap committed and unused around 15,000 idle connections (bench/README.md).
        Assert.Equal(16L << 20, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64());
        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }
}
