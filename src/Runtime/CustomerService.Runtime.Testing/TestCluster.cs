namespace CustomerService.Runtime.Testing;

/// <summary>Silos running in the test process, and a grain factory to call them: one silo, or several forming a
/// cluster on loopback (<see cref="TestClusterBuilder.UseCluster"/>) that can be added to, stopped and killed.</summary>
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
        for (var i = 0; i < options.InitialSiloCount; i++) await StartAdditionalSiloAsync(cancellationToken);
    }

    /// <summary>Starts one more silo (it joins the cluster when the cluster is clustered).</summary>
    public async Task<TestSilo> StartAdditionalSiloAsync(CancellationToken cancellationToken = default)
    {
        if (silos.Count > 0 && !options.Clustered)
            throw new InvalidOperationException("Only a clustered test cluster can have several silos: call UseCluster on the builder.");
        var silo = new TestSilo($"silo-{silos.Count}", options);
        silos.Add(silo);
        await silo.StartAsync(cancellationToken);
        return silo;
    }

    /// <summary>Starts a cluster client connected to this cluster (dispose it before the cluster).</summary>
    public async Task<TestClient> CreateClientAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Clustered) throw new InvalidOperationException("A client needs a clustered test cluster: call UseCluster on the builder.");
        var client = new TestClient(options);
        await client.StartAsync(cancellationToken);
        return client;
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
