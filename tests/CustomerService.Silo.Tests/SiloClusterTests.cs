using System.Diagnostics;
using CustomerService.Runtime;
using CustomerService.Runtime.Membership;
using CustomerService.Runtime.Testing.Redis;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Silo.Tests;

/// <summary>Silo hosts configured as an operator would, forming a cluster through a real redis-server.</summary>
[Trait("Category", "Integration")]
public sealed class SiloClusterTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("silo-cluster-").FullName;

    [Fact]
    public async Task TwoSilosConfiguredWithRedisMembershipFormOneClusterAndShareState()
    {
        await using var redis = await ThrowawayRedis.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await using var first = Silo(redis);
        await using var second = Silo(redis);
        _ = first.Services;
        _ = second.Services;

        var table = first.Services.GetRequiredService<IMembershipTable>();
        var data = await table.ReadAllAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, data.Entries.Count(e => e.Entry.Status == SiloStatus.Active));

        await BothSeeTwoSilos(first, second);
        await Retry(() => first.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>("shared").Add("from the first silo"));
        var notes = await Retry(() => second.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>("shared").All());
        Assert.Equal(["from the first silo"], notes);
    }

    [Fact]
    public void AnUnknownMembershipProviderStopsStartupNamingTheKey()
    {
        using var silo = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Silo:Storage:Provider", "Memory")
            .UseSetting("Silo:Membership:Provider", "Zookeeper")
            .UseSetting("Silo:Membership:ConnectionString", "x"));

        var error = Assert.ThrowsAny<Exception>(() => silo.Services);

        Assert.Contains("Silo:Membership:Provider", error.ToString());
    }

    private WebApplicationFactory<Program> Silo(ThrowawayRedis redis)
        => new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Silo:Storage:Provider", "Sqlite")
            .UseSetting("Silo:Storage:ConnectionString", $"Data Source={Path.Combine(directory, "cluster.db")}")
            .UseSetting("Silo:Membership:Provider", "Redis")
            .UseSetting("Silo:Membership:ConnectionString", redis.ConnectionString)
            .UseSetting("Silo:Membership:ClusterId", "silo-tests")
            .UseSetting("Silo:Cluster:SiloPort", "0")
            .UseSetting("Silo:Cluster:ProbePeriod", "00:00:00.200"));

    // Until both silos place grains by the same ring, each could activate the note grain (which keeps its notes in
    // memory until deactivation) on its own side; the runtime allows that brief window, as Orleans does.
    private static async Task BothSeeTwoSilos(params WebApplicationFactory<Program>[] silos)
    {
        var clock = Stopwatch.StartNew();
        while (!silos.All(s => s.Services.GetRequiredService<CustomerService.Runtime.Cluster.ClusterPlacement>().Ring?.Silos.Count == 2))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) Assert.Fail("The silos did not agree on membership within 10 s.");
            await Task.Delay(50);
        }
    }

    // The second silo's view of the ring catches up within a probe period; calls in between fail retryably.
    private static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (SiloUnavailableException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<int> Retry(Func<Task> call) => await Retry(async () => { await call(); return 0; });

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
