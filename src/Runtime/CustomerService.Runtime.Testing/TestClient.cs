using CustomerService.Runtime.Cluster;
using CustomerService.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.Testing;

/// <summary>A cluster client in the test process, as a front-end in cluster mode is: it calls the silos over TCP and
/// hosts observers, but owns no grains.</summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly IHost host;

    internal TestClient(TestClusterOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options.TimeProvider);
        builder.Services.AddInMemoryMembership(o => o.ClusterId = options.ClusterId);
        builder.Services.AddGrainClient(o =>
        {
            o.SiloName = "client";
            o.ProbePeriod = TimeSpan.FromMilliseconds(200);
            o.ProbeTimeout = TimeSpan.FromMilliseconds(200);
        });
        host = builder.Build();
    }

    /// <summary>Creates references whose calls go straight to the owning silos.</summary>
    public IGrainFactory GrainFactory => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The client's services.</summary>
    public IServiceProvider Services => host.Services;

    internal Task StartAsync(CancellationToken cancellationToken) => host.StartAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
