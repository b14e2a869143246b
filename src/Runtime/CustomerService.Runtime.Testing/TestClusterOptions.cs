using CustomerService.Runtime.Hosting;
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

    internal void Apply(ISiloBuilder silo)
    {
        silo.Services.AddSingleton(TimeProvider);
        if (ConfigureRuntime is not null) silo.Services.Configure(ConfigureRuntime);
        if (AddDefaultMemoryStorage) silo.Services.AddMemoryGrainStorage();
        foreach (var configure in SiloConfigurations) configure(silo);
    }
}
