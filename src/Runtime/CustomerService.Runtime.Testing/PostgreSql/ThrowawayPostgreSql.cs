using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace CustomerService.Runtime.Testing.PostgreSql;

/// <summary>A real PostgreSQL server of its own for a test run or a benchmark: a new cluster in a temporary directory,
/// listening on a free loopback port (and a unix socket inside that directory), trusting local connections as user
/// <c>postgres</c>. <see cref="DisposeAsync"/> stops it and deletes everything. When the process is root, the server
/// programs run as the <c>postgres</c> user, because PostgreSQL refuses to run as root.</summary>
/// <example><code>
/// await using var server = await ThrowawayPostgreSql.StartAsync();
/// var connectionString = await server.CreateDatabaseAsync("storage_tests");
/// </code></example>
public sealed partial class ThrowawayPostgreSql : IAsyncDisposable
{
    private const string Loopback = "127.0.0.1";
    private const int BindAttempts = 3;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly PostgreSqlBinaries binaries;
    private readonly string rootDirectory;
    private readonly HashSet<string> connectionStrings = [];
    private int disposed;

    private ThrowawayPostgreSql(PostgreSqlBinaries binaries, string rootDirectory)
    {
        this.binaries = binaries;
        this.rootDirectory = rootDirectory;
    }

    /// <summary>True when the PostgreSQL server programs can be found, so <see cref="StartAsync"/> can work.</summary>
    public static bool IsInstalled => PostgreSqlBinaries.TryFind() is not null;

    /// <summary>The loopback address the server listens on.</summary>
    public string Host => Loopback;

    /// <summary>The TCP port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The cluster's data directory.</summary>
    public string DataDirectory => Path.Combine(rootDirectory, "data");

    /// <summary>The directory of the server's unix socket.</summary>
    public string SocketDirectory => Path.Combine(rootDirectory, "run");

    /// <summary>The server's log file.</summary>
    public string LogFile => Path.Combine(rootDirectory, "server.log");

    /// <summary>A connection string to the <c>postgres</c> database as the superuser.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>Creates a cluster and starts a server, waiting until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed (the message says how to install it),
    /// or the server failed to start (the message includes the end of its log).</exception>
    /// <exception cref="TimeoutException">The server did not accept connections within
    /// <see cref="ThrowawayPostgreSqlOptions.StartTimeout"/>.</exception>
    public static async Task<ThrowawayPostgreSql> StartAsync(ThrowawayPostgreSqlOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ThrowawayPostgreSqlOptions();
        var binaries = PostgreSqlBinaries.Find();
        var root = Path.Combine(options.BaseDirectory ?? Path.GetTempPath(), $"cs-pg-{Guid.NewGuid():N}"[..18]);
        Directory.CreateDirectory(root);
        var server = new ThrowawayPostgreSql(binaries, root);
        try
        {
            await server.CreateClusterAndStartAsync(options, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A connection string to <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database)
    {
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = Loopback,
            Port = Port,
            Username = "postgres",
            Database = database,
            Timeout = 15,
            IncludeErrorDetail = true,
        }.ToString();
        lock (connectionStrings) connectionStrings.Add(connectionString);
        return connectionString;
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    /// <param name="name">Lower-case letters, digits and underscores, starting with a letter or underscore.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a plain lower-case database name.", nameof(name));
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>The last lines of the server log, for error messages.</summary>
    public string ServerLogTail(int lines = 30)
    {
        try
        {
            return File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(lines)) : "(no server log yet)";
        }
        catch (IOException e)
        {
            return $"(server log unreadable: {e.Message})";
        }
    }

    /// <summary>Stops the server (fast shutdown: sessions are disconnected) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        lock (connectionStrings)
        {
            foreach (var connectionString in connectionStrings)
            {
                using var connection = new NpgsqlConnection(connectionString);
                NpgsqlConnection.ClearPool(connection);
            }
        }

        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            var (exitCode, _) = await PgCtlAsync(["stop", "-m", "fast"], StopTimeout).ConfigureAwait(false);
            if (exitCode != 0) await PgCtlAsync(["stop", "-m", "immediate"], StopTimeout).ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(rootDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is not worth failing a test run for.
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private Task<(int ExitCode, string Output)> PgCtlAsync(string[] arguments, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        ServerProcess.RunAsync(binaries.PgCtl, [.. arguments, "-D", DataDirectory, "-w", "-t", Seconds(timeout)],
            rootDirectory, timeout + TimeSpan.FromSeconds(5), cancellationToken);

    private static string Seconds(TimeSpan timeout) =>
        Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan Remaining(Stopwatch elapsed, TimeSpan timeout) =>
        timeout - elapsed.Elapsed is { } left && left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
}
