namespace CustomerService.Runtime.Hosting;

/// <summary>Settings of the grain runtime, bound from the configuration section <c>GrainRuntime</c>.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "GrainRuntime";

    /// <summary>How long a caller waits for a response before the call fails with <see cref="TimeoutException"/>.
    /// A timeout means the outcome is unknown: the call may still run. Default 30 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an activation may stay idle before it is deactivated. Default 15 min.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default 1 min.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <see cref="Grain.OnActivateAsync"/> (with state loading) may take. Default 30 s.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long deactivation (waiting for calls in progress, <see cref="Grain.OnDeactivateAsync"/>, writing
    /// state) may take, per activation and for the whole silo at shutdown. Default 30 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether persistent state that changed since it was last read or written is written on deactivation.
    /// Default true, so a graceful shutdown loses nothing a grain left in memory.</summary>
    public bool WriteStateOnDeactivate { get; set; } = true;
}
