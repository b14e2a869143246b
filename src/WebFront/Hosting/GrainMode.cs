namespace CustomerService.WebFront.Hosting;

/// <summary>Embedded (an in-process silo) or cluster (a grain client), read from <c>Silo:Membership</c>.</summary>
public sealed record GrainMode(string Provider, string? ConnectionString, string ClusterId)
{
    /// <summary>The configuration section shared with the silo host.</summary>
    public const string SectionName = "Silo:Membership";

    /// <summary>True when a membership table is configured: the front-end is a cluster client.</summary>
    public bool IsCluster => Provider is "redis" or "postgresql";

    /// <summary>Reads the mode; an unknown provider or a missing connection string stops the start, naming the key.</summary>
    public static GrainMode From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var provider = (section["Provider"] ?? "None").Trim().ToLowerInvariant();
        if (provider == "postgres") provider = "postgresql";
        if (provider is not ("none" or "" or "redis" or "postgresql"))
            throw new InvalidOperationException($"{SectionName}:Provider is '{section["Provider"]}'; use None (embedded mode), Redis or PostgreSql (cluster mode).");
        var connectionString = section["ConnectionString"];
        if (provider is "redis" or "postgresql" && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"{SectionName}:ConnectionString is required for the {section["Provider"]} membership table.");
        return new GrainMode(provider == "" ? "none" : provider, connectionString, section["ClusterId"] ?? "customerservice");
    }
}
