namespace CustomerService.Runtime.AdoNet.Membership;

/// <summary>Settings of the PostgreSQL membership table, usually bound from <c>Silo:Membership</c>.</summary>
public sealed class PostgreSqlMembershipOptions
{
    /// <summary>Names the cluster: silos and clients with the same cluster id share one table. Required.</summary>
    public string ClusterId { get; set; } = "";

    /// <summary>The Npgsql connection string, e.g. <c>Host=db;Database=customerservice;Username=cs;Password=…</c>.
    /// Required.</summary>
    public string ConnectionString { get; set; } = "";
}
