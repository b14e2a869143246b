namespace CustomerService.Runtime.Redis.Membership;

/// <summary>Settings of the Redis membership table, usually bound from <c>Silo:Membership</c>.</summary>
public sealed class RedisMembershipOptions
{
    /// <summary>Names the cluster: silos and clients with the same cluster id share one table. Required.</summary>
    public string ClusterId { get; set; } = "";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>. Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Put before the cluster id to form the key of the cluster's hash. Default
    /// <c>customerservice:membership:</c>.</summary>
    public string KeyPrefix { get; set; } = "customerservice:membership:";
}
