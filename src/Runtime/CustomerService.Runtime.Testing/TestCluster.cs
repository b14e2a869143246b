namespace CustomerService.Runtime.Testing;

/// <summary>Silos running in the test process, and a grain factory to call them. One silo for now; the cluster
/// runtime extends it to several on loopback.</summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterOptions options;
    private readonly List<TestSilo> silos = [];

    internal TestCluster(TestClusterOptions options) => this.options = options;

    /// <summary>The first silo.</summary>
    public TestSilo Primary => silos[0];

    /// <summary>Every silo started, running or stopped.</summary>
    public IReadOnlyList<TestSilo> Silos => silos;

    /// <summary>The grain factory of the primary silo.</summary>
    public IGrainFactory GrainFactory => Primary.GrainFactory;

    /// <summary>The services of the primary silo.</summary>
    public IServiceProvider ServiceProvider => Primary.Services;

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        var silo = new TestSilo("silo-0", options);
        silos.Add(silo);
        await silo.StartAsync(cancellationToken);
    }

    /// <summary>Stops every silo gracefully.</summary>
    public async Task StopAllAsync()
    {
        foreach (var silo in silos) await silo.StopAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var silo in silos) await silo.DisposeAsync();
    }
}
