using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Api;

[Collection(DemoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DiagnosticsTests(DemoFixture fixture)
{
    private WebFrontHost Host => fixture.Host;

    [Fact]
    public async Task HealthMemoryAndTheOpenApiDocumentAreServed()
    {
        using var health = await Host.GetAsync("/healthz", null);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        var memory = await Host.Http.GetFromJsonAsync<JsonElement>("/metrics/memory").Within();
        Assert.True(memory.GetProperty("workingSet").GetInt64() > 0);
        Assert.True(memory.GetProperty("gcHeap").GetInt64() > 0);
        // The breakdown of the working set: what the GC holds from the OS covers what its heap holds.
        var gc = memory.GetProperty("gc");
        Assert.True(gc.GetProperty("committed").GetInt64() >= gc.GetProperty("heapSize").GetInt64());
        Assert.True(gc.GetProperty("heapCount").GetInt64() >= 1);
        Assert.True(memory.GetProperty("process").GetProperty("threads").GetInt32() > 0);
        if (OperatingSystem.IsLinux())
        {
            Assert.True(memory.GetProperty("process").GetProperty("rssAnon").GetInt64() > 0);
            Assert.True(memory.GetProperty("process").GetProperty("rssFile").GetInt64() > 0);
        }
        // The CPU time is the process's own (the load generator reads CPU per message from it). The host runs in
        // this test process, so the figure lies between this process's CPU time read just before and just after.
        var cpuBefore = ProcessCpuMs();
        var reported = (await Host.Http.GetFromJsonAsync<JsonElement>("/metrics/memory").Within()).GetProperty("processorTimeMs").GetInt64();
        var cpuAfter = ProcessCpuMs();
        Assert.InRange(reported, cpuBefore - 1, cpuAfter + 1);
        Assert.True(cpuBefore > 0);

        // ?collect=true (the load generator's memory per connection) collects first: garbage made just before is gone.
        var garbage = new List<byte[]>();
        for (var i = 0; i < 64; i++) garbage.Add(new byte[1 << 20]);
        var withGarbage = GC.GetTotalMemory(false);
        garbage = null;
        var collected = await Host.Http.GetFromJsonAsync<JsonElement>("/metrics/memory?collect=true").Within();
        Assert.True(collected.GetProperty("gcHeap").GetInt64() < withGarbage - (32L << 20),
            $"gcHeap {collected.GetProperty("gcHeap").GetInt64()} after collect, {withGarbage} with 64 MB of garbage");

        var openApi = await Host.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json").Within();
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/widget/session", "/api/v1/auth/login", "/api/v1/conversations", "/api/v1/agents", "/api/v1/settings" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    private static long ProcessCpuMs()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return (long)process.TotalProcessorTime.TotalMilliseconds;
    }
}
