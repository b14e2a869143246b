namespace CustomerService.Runtime.Membership;

/// <summary>Settings of the in-memory membership table, usually bound from <c>Silo:Membership</c>.</summary>
public sealed class InMemoryMembershipOptions
{
    /// <summary>Names the cluster: silos in this process with the same cluster id share one table. Default
    /// <c>default</c>.</summary>
    public string ClusterId { get; set; } = "default";
}
