using CustomerService.Runtime.Hosting;

namespace CustomerService.Runtime.Testing;

/// <summary>Builds an in-process <see cref="TestCluster"/>, the analogue of Orleans' TestClusterBuilder.</summary>
public sealed class TestClusterBuilder
{
    private readonly TestClusterOptions options = new();

    /// <summary>Configures every silo.</summary>
    public TestClusterBuilder ConfigureSilo(Action<ISiloBuilder> configure)
    {
        options.SiloConfigurations.Add(configure);
        return this;
    }

    /// <summary>Sets runtime options (timeouts, collection age) for every silo.</summary>
    public TestClusterBuilder ConfigureRuntime(Action<GrainRuntimeOptions> configure)
    {
        options.ConfigureRuntime += configure;
        return this;
    }

    /// <summary>Uses this clock in every silo.</summary>
    public TestClusterBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        options.TimeProvider = timeProvider;
        return this;
    }

    /// <summary>Leaves out the default in-memory storage (when a test registers its own "Default").</summary>
    public TestClusterBuilder WithoutDefaultStorage()
    {
        options.AddDefaultMemoryStorage = false;
        return this;
    }

    /// <summary>Starts <paramref name="count"/> silos that form a cluster on loopback (membership in memory).</summary>
    public TestClusterBuilder UseCluster(int count = 3, Action<Cluster.ClusterOptions>? configure = null)
    {
        options.Clustered = true;
        options.InitialSiloCount = count;
        options.ConfigureCluster += configure;
        return this;
    }

    /// <summary>Starts the cluster.</summary>
    public async Task<TestCluster> BuildAndStartAsync(CancellationToken cancellationToken = default)
    {
        var cluster = new TestCluster(options);
        await cluster.StartAsync(cancellationToken);
        return cluster;
    }
}
