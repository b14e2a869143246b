namespace CustomerService.Silo.Hosting;

/// <summary>Whether and how this silo joins a cluster, bound from <c>Silo:Membership</c>.</summary>
public sealed class MembershipSelection
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Silo:Membership";

    /// <summary><c>None</c> (default: one silo on its own), <c>Redis</c> or <c>PostgreSql</c>.</summary>
    public string Provider { get; set; } = "None";

    /// <summary>The Redis (<c>127.0.0.1:6379</c>) or PostgreSQL connection string of the membership table.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Names the cluster: silos with the same id and table form one cluster.</summary>
    public string ClusterId { get; set; } = "customerservice";
}
