using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using CustomerService.Runtime;
using CustomerService.Runtime.AdoNet.Storage;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Serialization;
using CustomerService.Runtime.Storage;
using CustomerService.Runtime.Testing.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bench.Runtime;

/// <summary>Grain state writes per storage provider: 1 writer, then 8 concurrent writers on distinct grains, each
/// writing a ~200-byte state back to back (closed loop: a writer's next write starts when its last one returned).
/// Every SQLite and PostgreSQL write is a durable commit. Usage:
/// <c>storage [--seconds 3] [--max-writes 1000000] [--providers memory,sqlite,postgresql] [--writers 1,8]
/// [--max-concurrent-commits N] [--max-writes-per-commit N]</c> (the last two set the SQL providers' options of the
/// same names; left out, their defaults apply). For PostgreSQL the table also gives the server's CPU time per write.</summary>
internal static class StorageBenchmark
{
    private const string StateName = "state";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.5);

    public static async Task RunAsync(string[] args)
    {
        var settings = Settings.Parse(args);
        var serializer = new JsonGrainSerializer([StorageBenchJsonContext.Default]);
        Console.WriteLine($"Storage benchmark: {settings.Duration.TotalSeconds:0.#} s or {settings.MaxWrites:N0} writes per case, " +
                          $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
                          $"state {serializer.SerializeToUtf8Bytes(NewState(0)).Length} bytes of JSON.");

        var results = new List<CaseResult>();
        foreach (var provider in settings.Providers)
        {
            await using var target = await StorageTarget.OpenAsync(provider, serializer, settings);
            if (target is null) continue;
            foreach (var writers in settings.Writers)
                results.Add(await RunCaseAsync(provider, target, writers, settings));
        }

        Console.WriteLine();
        Console.WriteLine("| provider   | writers |    writes |  writes/s |  p50 ms |  p99 ms |  max ms | server CPU µs/write |");
        Console.WriteLine("|------------|--------:|----------:|----------:|--------:|--------:|--------:|--------------------:|");
        foreach (var r in results)
        {
            var cpu = r.ServerCpuUsPerWrite is { } us ? us.ToString("0", CultureInfo.InvariantCulture) : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Provider,-10} | {r.Writers,7} | {r.Writes,9} | {r.WritesPerSecond,9:0} | {r.P50Ms,7:0.000} | {r.P99Ms,7:0.000} | {r.MaxMs,7:0.0} | {cpu,19} |"));
        }
    }

    private static async Task<CaseResult> RunCaseAsync(string provider, StorageTarget target, int writers, Settings settings)
    {
        var storage = target.Storage;
        var label = $"{provider}, {writers} writer{(writers == 1 ? "" : "s")}";
        var runId = Guid.NewGuid().ToString("N")[..8];
        var handles = Enumerable.Range(0, writers).Select(_ => new GrainState<BenchState>(NewState(0))).ToArray();
        var grains = Enumerable.Range(0, writers).Select(w => new GrainId("bench.conversation", $"tenant-{runId}/{w}")).ToArray();

        // Warm-up, not measured: the first write of each grain is an insert, connections and prepared statements
        // are created, and the JIT settles.
        await RunWritersAsync(storage, grains, handles, WarmUp, long.MaxValue, latencies: null, progress: null);

        var latencies = new List<long>[writers];
        var cpuBefore = target.ServerCpuSeconds();
        var clock = Stopwatch.StartNew();
        await RunWritersAsync(storage, grains, handles, settings.Duration, settings.MaxWrites, latencies,
            writes => Progress(label, writes, clock.Elapsed));
        clock.Stop();
        var cpuAfter = target.ServerCpuSeconds();

        var all = latencies.SelectMany(list => list).Order().ToArray();
        double? serverCpu = cpuBefore is { } from && cpuAfter is { } to && all.Length > 0 ? (to - from) * 1e6 / all.Length : null;
        var result = new CaseResult(provider, writers, all.Length, all.Length / clock.Elapsed.TotalSeconds,
            Milliseconds(Percentile(all, 0.50)), Milliseconds(Percentile(all, 0.99)), Milliseconds(all.Length == 0 ? 0 : all[^1]), serverCpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: {result.Writes:N0} writes in {clock.Elapsed.TotalSeconds:0.00} s = {result.WritesPerSecond:N0}/s, p50 {result.P50Ms:0.000} ms, p99 {result.P99Ms:0.000} ms{(serverCpu is { } us ? $", server CPU {us:0} µs/write" : "")}"));
        return result;
    }

    /// <summary>Each writer rewrites its own grain's state back to back until the time or the write budget is used
    /// up; with <paramref name="latencies"/>, each write's duration goes into the writer's list.</summary>
    private static async Task RunWritersAsync(IGrainStorage storage, GrainId[] grains, GrainState<BenchState>[] handles,
        TimeSpan duration, long maxWrites, List<long>[]? latencies, Action<long>? progress)
    {
        var issued = 0L;
        using var stop = new CancellationTokenSource(duration);

        async Task WriterAsync(int w)
        {
            var mine = new List<long>(capacity: 1 << 16);
            if (latencies is not null) latencies[w] = mine;
            var handle = handles[w];
            // Every writer writes at least once, so that the warm-up inserts every grain's row.
            do
            {
                handle.State = NewState(handle.State.Sequence + 1);
                var started = Stopwatch.GetTimestamp();
                await storage.WriteStateAsync(StateName, grains[w], handle);
                if (latencies is not null) mine.Add(Stopwatch.GetTimestamp() - started);
            }
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref issued) < maxWrites);
        }

        // Task.Run: the memory provider completes synchronously, and its writers must still run side by side.
        var running = Task.WhenAll(Enumerable.Range(0, grains.Length).Select(w => Task.Run(() => WriterAsync(w))));
        while (await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1))) != running)
            progress?.Invoke(Math.Min(Interlocked.Read(ref issued), maxWrites));
        await running;
    }

    private static void Progress(string label, long writes, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: {writes:N0} writes after {elapsed.TotalSeconds:0} s ({writes / Math.Max(elapsed.TotalSeconds, 0.001):N0}/s)…"));

    private static long Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    // About 200 bytes of JSON, shaped like a small conversation state.
    private static BenchState NewState(long sequence) => new()
    {
        Sequence = sequence,
        Status = "open",
        VisitorId = "visitor-6f1c2a9e4b7d",
        AgentId = "agent-0042",
        LastMessageId = "msg-0193a7c2-5d1e-7b3f-9a61-2c8e4f0b7d15",
        Unread = [3, 0],
        Tags = ["returning", "vip"],
    };

    private sealed record CaseResult(string Provider, int Writers, int Writes, double WritesPerSecond, double P50Ms, double P99Ms, double MaxMs, double? ServerCpuUsPerWrite);

    /// <summary>A provider set up for the benchmark, with whatever it needs torn down afterwards.</summary>
    private sealed class StorageTarget(IGrainStorage storage, ServiceProvider services, Func<ValueTask> cleanup, Func<double?> serverCpuSeconds) : IAsyncDisposable
    {
        public IGrainStorage Storage { get; } = storage;

        /// <summary>The database server's CPU time so far, where it can be read.</summary>
        public Func<double?> ServerCpuSeconds { get; } = serverCpuSeconds;

        public static async Task<StorageTarget?> OpenAsync(string provider, IGrainSerializer serializer, Settings settings)
        {
            Func<double?> serverCpu = static () => null;
            void Configure(AdoNetGrainStorageOptions o, string connectionString)
            {
                o.ConnectionString = connectionString;
                if (settings.MaxConcurrentCommits is { } concurrent) o.MaxConcurrentCommits = concurrent;
                if (settings.MaxWritesPerCommit is { } perCommit) o.MaxWritesPerCommit = perCommit;
            }

            var collection = new ServiceCollection().AddSingleton(serializer);
            Func<ValueTask> cleanup = () => ValueTask.CompletedTask;
            switch (provider)
            {
                case "memory":
                    collection.AddMemoryGrainStorage();
                    break;
                case "sqlite":
                    // The temp directory is on disk here (ext4), so SQLite's commits pay for a real fsync.
                    var file = Path.Combine(Path.GetTempPath(), $"cs-bench-{Guid.NewGuid():N}.db");
                    collection.AddSqliteGrainStorage("Default", o => Configure(o, $"Data Source={file}"));
                    cleanup = () =>
                    {
                        foreach (var suffix in (string[])["", "-wal", "-shm"]) File.Delete(file + suffix);
                        return ValueTask.CompletedTask;
                    };
                    break;
                case "postgresql":
                    if (!ThrowawayPostgreSql.IsInstalled)
                    {
                        Console.WriteLine("  postgresql: skipped, PostgreSQL is not installed (./test.sh installs it).");
                        return null;
                    }

                    Console.WriteLine("  postgresql: starting a throwaway server (fsync on, default settings)…");
                    var server = await ThrowawayPostgreSql.StartAsync();
                    var connectionString = await server.CreateDatabaseAsync("storage_bench");
                    collection.AddPostgreSqlGrainStorage("Default", o => Configure(o, connectionString));
                    cleanup = server.DisposeAsync;
                    serverCpu = () => PostgreSqlServerCpu.Seconds(server.DataDirectory);
                    break;
                default:
                    throw new ArgumentException($"Unknown provider '{provider}'; use memory, sqlite or postgresql.");
            }

            var services = collection.BuildServiceProvider();
            return new StorageTarget(services.GetRequiredKeyedService<IGrainStorage>("Default"), services, cleanup, serverCpu);
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            await cleanup();
        }
    }

    private sealed record Settings(TimeSpan Duration, long MaxWrites, string[] Providers, int[] Writers,
        int? MaxConcurrentCommits = null, int? MaxWritesPerCommit = null)
    {
        public static Settings Parse(string[] args)
        {
            var settings = new Settings(TimeSpan.FromSeconds(3), 1_000_000, ["memory", "sqlite", "postgresql"], [1, 8]);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = args[i + 1];
                settings = args[i] switch
                {
                    "--seconds" => settings with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                    "--max-writes" => settings with { MaxWrites = long.Parse(value, CultureInfo.InvariantCulture) },
                    "--providers" => settings with { Providers = value.Split(',', StringSplitOptions.RemoveEmptyEntries) },
                    "--max-concurrent-commits" => settings with { MaxConcurrentCommits = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--max-writes-per-commit" => settings with { MaxWritesPerCommit = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--writers" => settings with { Writers = [.. value.Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture))] },
                    _ => throw new ArgumentException($"Unknown storage benchmark option '{args[i]}'; see StorageBenchmark.cs."),
                };
            }

            return settings;
        }
    }
}

internal sealed class BenchState
{
    public long Sequence { get; set; }

    public string Status { get; set; } = "";

    public string VisitorId { get; set; } = "";

    public string AgentId { get; set; } = "";

    public string LastMessageId { get; set; } = "";

    public int[] Unread { get; set; } = [];

    public string[] Tags { get; set; } = [];
}

[JsonSerializable(typeof(BenchState))]
internal sealed partial class StorageBenchJsonContext : JsonSerializerContext;
