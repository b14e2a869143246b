using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CustomerService.Grains.Tests.Messages;

/// <summary>One real PostgreSQL server per test run, in a temporary directory on a free loopback port; stopped and
/// deleted at the end. Run as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses root).</summary>
/// <remarks>Kept small and local to this suite until <c>ThrowawayPostgreSql</c> (storage branch) reaches main.</remarks>
public sealed class PostgreSqlServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly string root = Path.Combine(Path.GetTempPath(), $"cs-msg-pg-{Guid.NewGuid():N}"[..20]);
    private int port;

    /// <summary>A connection string to the suite's database.</summary>
    public string ConnectionString { get; private set; } = "";

    private string DataDirectory => Path.Combine(root, "data");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(root);
        if (Environment.UserName == "root") await RunAsync("chown", ["-R", "postgres", root]);
        await RunAsServerUserAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        port = FreeLoopbackPort();
        await RunAsServerUserAsync("pg_ctl", ["start", "-w", "-D", DataDirectory, "-l", Path.Combine(root, "server.log"),
            "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1"]);
        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync().WaitAsync(CommandTimeout);
            await using var create = new NpgsqlCommand("CREATE DATABASE message_store_tests", connection);
            await create.ExecuteNonQueryAsync().WaitAsync(CommandTimeout);
        }

        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=message_store_tests";
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsServerUserAsync("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", DataDirectory]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsServerUserAsync(string program, string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", FindProgram(program), .. arguments])
            : RunAsync(FindProgram(program), arguments);

    private static string FindProgram(string name)
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", name))
            : [];
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new InvalidOperationException($"PostgreSQL's {name} was not found under /usr/lib/postgresql; install postgresql-15 (apt-get install postgresql-15).");
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(CommandTimeout);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await output}\n{await error}");
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServerFixture>
{
    public const string Name = "PostgreSQL message store";
}
