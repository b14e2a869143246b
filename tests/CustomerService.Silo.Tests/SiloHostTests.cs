using CustomerService.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Silo.Tests;

public sealed class SiloHostTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("silo-tests-").FullName;

    [Theory]
    [InlineData("Memory")]
    [InlineData("Sqlite")]
    public async Task TheSiloStartsWithTheConfiguredStorageAndReportsHealthy(string provider)
    {
        await using var silo = Silo(provider);

        var health = await silo.CreateClient().GetStringAsync("/healthz").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Healthy", health);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<INoteGrain>("n").Add("hello").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["hello"], await grains.GetGrain<INoteGrain>("n").All().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task StateLeftInMemoryIsWrittenWhenTheSiloStopsGracefully()
    {
        await using (var first = Silo("Sqlite"))
        {
            await first.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>("kept").Add("survives a restart")
                .WaitAsync(TimeSpan.FromSeconds(30));
        }

        await using var second = Silo("Sqlite");
        var notes = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>("kept").All()
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["survives a restart"], notes);
    }

    [Theory]
    [InlineData("Cassandra", "Silo:Storage:Provider")]
    [InlineData("PostgreSql", "Silo:Storage:ConnectionString")]
    public void ABadStorageSettingStopsStartupWithAnErrorNamingTheKey(string provider, string key)
    {
        using var silo = Silo(provider, connectionString: "");

        var error = Assert.ThrowsAny<Exception>(() => silo.Services);

        Assert.Contains(key, error.ToString());
    }

    private WebApplicationFactory<Program> Silo(string provider, string? connectionString = null)
        => new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Silo:Storage:Provider", provider)
            .UseSetting("Silo:Storage:ConnectionString", connectionString ?? $"Data Source={Path.Combine(directory, "silo.db")}"));

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
