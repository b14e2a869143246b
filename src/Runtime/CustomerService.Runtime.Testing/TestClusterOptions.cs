using CustomerService.Runtime.Cluster;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Membership;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Testing;

/// <summary>How the silos of a <see cref="TestCluster"/> are configured.</summary>
public sealed class TestClusterOptions
{
    /// <summary>Runs against every silo's builder; add storage, filters and services here.</summary>
    public List<Action<ISiloBuilder>> SiloConfigurations { get; } = [];

    /// <summary>The clock the silos use; a <see cref="ManualTimeProvider"/> makes time-driven behaviour testable.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Whether each silo gets in-memory storage named "Default" (true unless a test configures its own).</summary>
    public bool AddDefaultMemoryStorage { get; set; } = true;

    /// <summary>Runtime settings applied to every silo.</summary>
    public Action<GrainRuntimeOptions>? ConfigureRuntime { get; set; }

    /// <summary>How many silos start with the cluster.</summary>
    public int InitialSiloCount { get; set; } = 1;

    /// <summary>Whether the silos form a cluster (membership in memory, TCP on loopback, failure detection).</summary>
    public bool Clustered { get; set; }

    /// <summary>The cluster's id in the process-wide in-memory membership store; unique per test cluster.</summary>
    public string ClusterId { get; set; } = "test-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Cluster settings applied after the test defaults (loopback, any free port, 200 ms probes).</summary>
    public Action<ClusterOptions>? ConfigureCluster { get; set; }

    internal void Apply(ISiloBuilder silo, string name)
    {
        if (Clustered)
        {
            silo.Services.AddInMemoryMembership(o => o.ClusterId = ClusterId);
            silo.UseCluster(o =>
            {
                o.SiloName = name;
                o.AdvertisedHost = "127.0.0.1";
                o.SiloPort = 0;
                o.ProbePeriod = TimeSpan.FromMilliseconds(200);
                o.ProbeTimeout = TimeSpan.FromMilliseconds(200);
                o.JoinTimeout = TimeSpan.FromSeconds(10);
                ConfigureCluster?.Invoke(o);
            });
        }

        silo.Services.AddSingleton(TimeProvider);
        if (ConfigureRuntime is not null) silo.Services.Configure(ConfigureRuntime);
        if (AddDefaultMemoryStorage) silo.Services.AddMemoryGrainStorage();
        foreach (var configure in SiloConfigurations) configure(silo);
    }
}
