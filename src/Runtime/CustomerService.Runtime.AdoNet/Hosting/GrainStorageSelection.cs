namespace CustomerService.Runtime.Hosting;

/// <summary>Which storage provider a silo uses, bound from the configuration section <c>Silo:Storage</c>.</summary>
public sealed class GrainStorageSelection
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Silo:Storage";

    /// <summary><c>Sqlite</c> (default: a file under <c>./data</c>, no server needed), <c>PostgreSql</c> or
    /// <c>Memory</c> (lost when the process stops; for trials and tests).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The ADO.NET connection string for SQLite or PostgreSQL. Default for SQLite:
    /// <c>Data Source=./data/customerservice.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Separates deployments sharing one database.</summary>
    public string ServiceId { get; set; } = "default";

    /// <summary>SQLite and PostgreSQL: how many transactions of state writes (group commits) run at once; unset, the
    /// engine's default (see <see cref="AdoNet.Storage.AdoNetGrainStorageOptions.MaxConcurrentCommits"/>).</summary>
    public int? MaxConcurrentCommits { get; set; }
}
