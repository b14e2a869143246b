using CustomerService.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>, a real host running in the test process.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost host;
    private bool killed;

    internal TestSilo(string name, TestClusterOptions options)
    {
        Name = name;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        // A test whose grain hangs on purpose must not hold up the run for the default 30 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.UseGrainRuntime(silo => options.Apply(silo, name));
        host = builder.Build();
    }

    /// <summary>The silo's name within the cluster.</summary>
    public string Name { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => host.Services;

    /// <summary>Creates references whose calls go through this silo.</summary>
    public IGrainFactory GrainFactory => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Whether the silo is running.</summary>
    public bool IsRunning { get; private set; }

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        await host.StartAsync(cancellationToken);
        IsRunning = true;
    }

    /// <summary>Stops gracefully: every grain deactivates and writes its changed state.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!IsRunning) return;
        IsRunning = false;
        await host.StopAsync(cancellationToken);
    }

    /// <summary>Dies like a killed process: its sockets drop, nothing is written anywhere, no grain deactivates.</summary>
    public async Task KillAsync()
    {
        if (!IsRunning) return;
        IsRunning = false;
        killed = true;
        if (host.Services.GetService<Cluster.ClusterMembershipService>() is { } membership) await membership.KillAsync();
    }

    /// <summary>This silo's cluster address, when clustered.</summary>
    public Membership.SiloAddress? Address => host.Services.GetService<Cluster.ClusterMembershipService>()?.Address;

    /// <summary>Signalled when the silo decides to stop (for example on finding itself declared dead).</summary>
    public CancellationToken Stopping => host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!killed) await StopAsync();
        host.Dispose();
    }
}
