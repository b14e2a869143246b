using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CustomerService.Runtime.Testing.PostgreSql;

// Creating the cluster, starting the server and waiting for it.
public sealed partial class ThrowawayPostgreSql
{
    private async Task CreateClusterAndStartAsync(ThrowawayPostgreSqlOptions options, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        Directory.CreateDirectory(SocketDirectory);
        await ServerProcess.GiveToServiceUserAsync(rootDirectory, cancellationToken).ConfigureAwait(false);

        // --no-sync: a throwaway cluster need not survive a power cut while being created, and it saves seconds.
        var (exitCode, output) = await ServerProcess.RunAsync(binaries.InitDb,
            ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            rootDirectory, Remaining(elapsed, options.StartTimeout), cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
            throw new InvalidOperationException($"initdb failed (exit code {exitCode}) in {DataDirectory}:\n{output}");
        WriteSettings(options);

        for (var attempt = 1; ; attempt++)
        {
            Port = FreeTcpPort.Pick();
            var timeout = Remaining(elapsed, options.StartTimeout);
            (exitCode, output) = await PgCtlAsync(["start", "-l", LogFile, "-o", $"-p {Port}"], timeout, cancellationToken).ConfigureAwait(false);
            if (exitCode == 0) break;
            var log = ServerLogTail();
            // The port was free when picked, but another process may have taken it since.
            if (attempt < BindAttempts && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)) continue;
            throw new InvalidOperationException(
                $"PostgreSQL did not start (pg_ctl exit code {exitCode}, port {Port}, data {DataDirectory}).\n" +
                $"pg_ctl said:\n{output.Trim()}\nServer log ({LogFile}), last lines:\n{log}");
        }

        await WaitUntilAcceptingAsync(elapsed, options.StartTimeout, cancellationToken).ConfigureAwait(false);
    }

    private void WriteSettings(ThrowawayPostgreSqlOptions options)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["listen_addresses"] = Loopback,
            // A socket directory of its own, so that the server never collides with a system one in /var/run.
            ["unix_socket_directories"] = SocketDirectory,
        };
        foreach (var (name, value) in options.Settings) settings[name] = value;

        // Later lines win in postgresql.conf, so appending overrides initdb's defaults.
        var lines = settings.Select(setting => $"{setting.Key} = '{setting.Value.Replace("'", "''", StringComparison.Ordinal)}'");
        File.AppendAllLines(Path.Combine(DataDirectory, "postgresql.conf"), ["", "# ThrowawayPostgreSql", .. lines]);
    }

    // pg_ctl -w already waited for the postmaster to report ready; this proves a client gets in over TCP.
    private async Task WaitUntilAcceptingAsync(Stopwatch elapsed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false, Timeout = 5 }.ToString();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException) when (elapsed.Elapsed < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException e)
            {
                throw new TimeoutException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"PostgreSQL on {Loopback}:{Port} did not accept connections within {timeout} ({e.Message}).\n") +
                    $"Server log ({LogFile}), last lines:\n{ServerLogTail()}", e);
            }
        }
    }
}
