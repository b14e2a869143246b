namespace CustomerService.Runtime.Testing.PostgreSql;

/// <summary>The directory holding the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>).</summary>
internal sealed record PostgreSqlBinaries(string Directory)
{
    private static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>Finds the programs on PATH (following symbolic links, since Debian links them from
    /// <c>/usr/lib/postgresql/N/bin</c>), then under <c>/usr/lib/postgresql/*/bin</c>, newest version first.</summary>
    public static PostgreSqlBinaries? TryFind()
    {
        foreach (var directory in Candidates())
        {
            if (Programs.All(program => File.Exists(Path.Combine(directory, program)))) return new PostgreSqlBinaries(directory);
        }

        return null;
    }

    public static PostgreSqlBinaries Find() => TryFind() ?? throw new InvalidOperationException(
        "PostgreSQL is not installed: initdb, pg_ctl and postgres were found neither on PATH nor under " +
        "/usr/lib/postgresql/*/bin. Run the repository's test script (./test.sh, see README.md), which installs " +
        "the postgresql package, or install it yourself (apt-get install postgresql).");

    private static IEnumerable<string> Candidates()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var entry in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initDb = Path.Combine(entry, "initdb");
            if (!File.Exists(initDb)) continue;
            // pg_ctl finds postgres next to its own real path, so the real directory is the one to use.
            var target = new FileInfo(initDb).ResolveLinkTarget(returnFinalTarget: true);
            if (target is not null && Path.GetDirectoryName(target.FullName) is { } real) yield return real;
            yield return entry;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(debianRoot)) yield break;
        var versions = System.IO.Directory.GetDirectories(debianRoot)
            .Select(directory => (directory, version: decimal.TryParse(Path.GetFileName(directory), out var v) ? v : 0m))
            .OrderByDescending(candidate => candidate.version);
        foreach (var (directory, _) in versions) yield return Path.Combine(directory, "bin");
    }
}
