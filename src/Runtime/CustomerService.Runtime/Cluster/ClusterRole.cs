namespace CustomerService.Runtime.Cluster;

/// <summary>Whether this process is a silo (a member that owns grains) or a cluster client (a front-end that sends
/// calls to the silos and hosts observers).</summary>
internal sealed record ClusterRole(bool IsClient);
