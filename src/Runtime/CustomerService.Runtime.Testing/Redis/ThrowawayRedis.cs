using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using CustomerService.Runtime.Testing.PostgreSql;

namespace CustomerService.Runtime.Testing.Redis;

/// <summary>A real Redis server of its own for a test run or a benchmark: <c>redis-server</c> on a free loopback port,
/// working in a temporary directory, with persistence off. <see cref="DisposeAsync"/> stops it and deletes the
/// directory.</summary>
/// <example><code>
/// await using var redis = await ThrowawayRedis.StartAsync();
/// var table = new RedisMembershipTable(new() { ClusterId = "test", ConnectionString = redis.ConnectionString });
/// </code></example>
public sealed class ThrowawayRedis : IAsyncDisposable
{
    private const string Loopback = "127.0.0.1";
    private const string Program = "redis-server";
    private const int BindAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly string rootDirectory;
    private readonly StringBuilder output = new();
    private Process? process;
    private int disposed;

    private ThrowawayRedis(string rootDirectory) => this.rootDirectory = rootDirectory;

    /// <summary>True when <c>redis-server</c> is on PATH, so <see cref="StartAsync"/> can work.</summary>
    public static bool IsInstalled => FindProgram() is not null;

    /// <summary>The loopback address the server listens on.</summary>
    public string Host => Loopback;

    /// <summary>The TCP port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The server's working directory, deleted on dispose.</summary>
    public string WorkingDirectory => rootDirectory;

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"{Loopback}:{Port},abortConnect=false");

    /// <summary>Starts a server and waits until it answers PING.</summary>
    /// <exception cref="InvalidOperationException"><c>redis-server</c> is not installed (the message says to run
    /// <c>./test.sh</c>, which installs it), or the server exited at start (the message includes its output).</exception>
    /// <exception cref="TimeoutException">The server did not answer PING within 30 s.</exception>
    public static async Task<ThrowawayRedis> StartAsync(CancellationToken cancellationToken = default)
    {
        var program = FindProgram() ?? throw new InvalidOperationException(
            "redis-server is not installed (it was not found on PATH). Run the repository's test script (./test.sh, " +
            "see README.md), which installs the redis-server package, or install it yourself (apt-get install redis-server).");
        var root = Path.Combine(Path.GetTempPath(), $"cs-redis-{Guid.NewGuid():N}"[..21]);
        Directory.CreateDirectory(root);
        var server = new ThrowawayRedis(root);
        try
        {
            await server.LaunchAndWaitAsync(program, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What the server printed, for error messages.</summary>
    public string Output()
    {
        lock (output) return output.ToString();
    }

    /// <summary>Stops the server (SHUTDOWN NOSAVE, then a kill if it lingers) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        if (process is { HasExited: false } running)
        {
            try
            {
                await SendAsync("SHUTDOWN NOSAVE", TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException or OperationCanceledException)
            {
                // The server closes the connection as it shuts down; the wait below decides.
            }

            using var deadline = new CancellationTokenSource(StopTimeout);
            try
            {
                await running.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                running.Kill(entireProcessTree: true);
            }
        }

        process?.Dispose();
        try
        {
            Directory.Delete(rootDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is not worth failing a test run for.
        }
    }

    private async Task LaunchAndWaitAsync(string program, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeTcpPort.Pick();
            process = Launch(program);
            if (await WaitUntilAnsweringAsync(elapsed, cancellationToken).ConfigureAwait(false)) return;
            // Exited: the port was free when picked, but another process may have taken it since.
            if (attempt < BindAttempts && Output().Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
            {
                process.Dispose();
                continue;
            }

            throw new InvalidOperationException(
                $"redis-server exited at start (exit code {process.ExitCode}, port {Port}, directory {rootDirectory}). Its output:\n{Output()}");
        }
    }

    private Process Launch(string program)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = rootDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--bind", Loopback, "--port", Port.ToString(CultureInfo.InvariantCulture), "--dir", rootDirectory,
            "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no", "--logfile", "",
        ];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var started = new Process { StartInfo = start };
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.Start();
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    // True once the server answers PING; false if it exited first.
    private async Task<bool> WaitUntilAnsweringAsync(Stopwatch elapsed, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (process!.HasExited) return false;
            try
            {
                if ((await SendAsync("PING", TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false)).StartsWith("+PONG", StringComparison.Ordinal))
                    return true;
            }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException)
            {
                if (elapsed.Elapsed > StartTimeout)
                    throw new TimeoutException($"redis-server on {Loopback}:{Port} did not answer PING within {StartTimeout} ({e.Message}). Its output:\n{Output()}", e);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }
    }

    // One inline command, one reply line.
    private async Task<string> SendAsync(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Loopback, Port, deadline.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), deadline.Token).ConfigureAwait(false);
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer, deadline.Token).ConfigureAwait(false);
            return Encoding.ASCII.GetString(buffer, 0, read);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"redis-server on {Loopback}:{Port} did not answer '{command}' within {timeout}.");
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string? FindProgram()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, Program))
            .FirstOrDefault(File.Exists);
    }
}
