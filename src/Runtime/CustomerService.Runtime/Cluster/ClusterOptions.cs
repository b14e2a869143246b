namespace CustomerService.Runtime.Cluster;

/// <summary>How a silo takes part in a cluster, bound from the configuration section <c>Silo:Cluster</c>. The failure
/// detection defaults (probe every second, three missed probes, two votes) declare a killed silo dead within about
/// five seconds on loopback.</summary>
public sealed class ClusterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Silo:Cluster";

    /// <summary>A name for people (logs, the membership table). Default: the machine name.</summary>
    public string SiloName { get; set; } = Environment.MachineName;

    /// <summary>The address other silos use to reach this one. Default 127.0.0.1.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>The silo-to-silo port; 0 lets the system choose a free one. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>How often each silo probes its peers. Default 1 s.</summary>
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a probe may take before it counts as missed. Default 1 s.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive missed probes after which a silo votes its peer suspect. Default 3.</summary>
    public int MissedProbesForSuspicion { get; set; } = 3;

    /// <summary>Fresh votes that declare a silo dead (capped at half the active silos, rounded up). Default 2.</summary>
    public int VotesForDeath { get; set; } = 2;

    /// <summary>How long a suspicion vote counts. Default 30 s.</summary>
    public TimeSpan VoteExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a silo writes its IAmAlive time (a diagnostic for operators). Default 10 s.</summary>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a joining silo keeps trying to reach every Active silo before it gives up. Default 30 s.</summary>
    public TimeSpan JoinTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
