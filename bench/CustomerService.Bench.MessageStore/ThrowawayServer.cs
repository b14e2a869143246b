using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CustomerService.Bench.MessageStore;

/// <summary>A private PostgreSQL server for the benchmark run (initdb in a temporary directory, a free loopback port,
/// default durability settings); as the <c>postgres</c> user when run as root.</summary>
internal sealed class ThrowawayServer : IAsyncDisposable
{
    private readonly string root;

    private ThrowawayServer(string root, int port)
    {
        this.root = root;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public string ConnectionString { get; }

    private string Data => Path.Combine(root, "data");

    public static async Task<ThrowawayServer> StartAsync(string root)
    {
        Directory.CreateDirectory(root);
        if (Environment.UserName == "root") await RunAsync("chown", "-R", "postgres", root);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var server = new ThrowawayServer(root, port);
        await AsServerUserAsync("initdb", "-D", server.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        await AsServerUserAsync("pg_ctl", "start", "-w", "-D", server.Data, "-l", Path.Combine(root, "server.log"),
            "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AsServerUserAsync("pg_ctl", "stop", "-w", "-m", "fast", "-D", Data);
    }

    private static Task AsServerUserAsync(string program, params string[] arguments)
    {
        var path = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", program)).First(File.Exists);
        return Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output}{await error}");
    }
}
