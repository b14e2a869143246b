namespace CustomerService.Runtime.AdoNet.Storage;

/// <summary>Settings of a SQLite or PostgreSQL grain storage provider, usually bound from a configuration section
/// such as <c>GrainStorage:Default</c>.</summary>
public sealed class AdoNetGrainStorageOptions
{
    /// <summary>The default <see cref="TableName"/>.</summary>
    public const string DefaultTableName = "grain_state";

    /// <summary>The default <see cref="ServiceId"/>.</summary>
    public const string DefaultServiceId = "default";

    /// <summary>The ADO.NET connection string: for SQLite e.g. <c>Data Source=./data/customerservice.db</c>, for
    /// PostgreSQL e.g. <c>Host=db;Database=customerservice;Username=cs;Password=…</c>. Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Names the deployment whose states these are, so that several deployments (or test runs) can share one
    /// database without seeing each other's states. Keep it stable across restarts and upgrades: states stored under
    /// another service id are invisible. Default <c>default</c>.</summary>
    public string ServiceId { get; set; } = DefaultServiceId;

    /// <summary>The table that holds the states; created at start if missing. A plain SQL identifier (letters,
    /// digits, underscores). Default <c>grain_state</c>.</summary>
    public string TableName { get; set; } = DefaultTableName;
}
