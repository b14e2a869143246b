namespace CustomerService.Runtime.AdoNet.Storage;

/// <summary>Settings of a SQLite or PostgreSQL grain storage provider, usually bound from a configuration section
/// such as <c>GrainStorage:Default</c>.</summary>
public sealed class AdoNetGrainStorageOptions
{
    /// <summary>The default <see cref="TableName"/>.</summary>
    public const string DefaultTableName = "grain_state";

    /// <summary>The default <see cref="MaxWritesPerCommit"/>.</summary>
    public const int DefaultMaxWritesPerCommit = 256;

    /// <summary>The largest <see cref="MaxWritesPerCommit"/> accepted.</summary>
    public const int MaxWritesPerCommitLimit = 10_000;

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

    /// <summary>How many transactions of state writes (group commits) may run at once. State writes that arrive while
    /// this many are running wait and go together into the next one, up to <see cref="MaxWritesPerCommit"/>; each
    /// keeps its own ETag condition, so a stale one fails alone. Null (the default) takes the engine's, 1: SQLite has
    /// one writer (no other value is accepted); for PostgreSQL 1 to 64 are accepted (each running commit holds one
    /// pooled connection), and 1 gave the largest batches, the least server CPU per write and the most writes per
    /// second on a small machine (bench/README.md); 2 to 4 can overlap one commit's round trip and WAL flush with the
    /// next when the database runs on a server of its own.</summary>
    public int? MaxConcurrentCommits { get; set; }

    /// <summary>The most state writes one transaction carries (1 to 10,000). Large enough to make the commit cheap per
    /// write, small enough that the writes first in line do not wait long. Default 256.</summary>
    public int MaxWritesPerCommit { get; set; } = DefaultMaxWritesPerCommit;
}
