namespace CustomerService.Runtime.Testing.PostgreSql;

/// <summary>Settings of a <see cref="ThrowawayPostgreSql"/>.</summary>
public sealed class ThrowawayPostgreSqlOptions
{
    /// <summary>How long creating the cluster and starting the server may take before start fails. Default 60 s
    /// (a loaded 2-core CI machine can take several seconds for initdb).</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Where the temporary directory is created; default the system temp directory. When the tests run as
    /// root, the <c>postgres</c> user must be able to reach it.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>Extra server settings written to <c>postgresql.conf</c>, e.g. <c>["fsync"] = "off"</c> for tests that
    /// do not measure anything. By default the server is as durable as a production one, so benchmarks mean
    /// something.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
