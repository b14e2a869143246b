using CustomerService.Runtime.Testing.PostgreSql;
using System.Diagnostics;
using System.Globalization;
using CustomerService.Grains;
using CustomerService.Grains.Messages;

namespace CustomerService.Bench.MessageStore;

/// <summary>Appends/s and ack latency of the message store, with group commit and with one transaction per message
/// (MaxBatchSize = 1, the same code otherwise), for 1, 16 and 256 closed-loop appenders, each on conversations of
/// its own. Every ack is durable (SQLite WAL + synchronous=FULL; PostgreSQL with fsync and synchronous_commit on).</summary>
internal static class MessageStoreBenchmark
{
    private static readonly int[] Appenders = [1, 16, 256];
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.5);

    public static async Task<int> RunAsync(TimeSpan duration)
    {
        var work = Path.Combine(Path.GetTempPath(), $"cs-msg-bench-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(work);
        var results = new List<CaseResult>();
        try
        {
            Console.WriteLine($"Load average at start: {LoadAverage()}");
            Console.WriteLine($"Message store benchmark: {duration.TotalSeconds:0.#} s per case after {WarmUp.TotalSeconds:0.#} s warm-up, {Environment.ProcessorCount} cores.");
            Console.WriteLine("Starting a throwaway PostgreSQL server…");
            await using var postgres = await ThrowawayPostgreSql.StartAsync();
            var postgresConnection = await postgres.CreateDatabaseAsync("message_store_bench");
            var caseNumber = 0;
            foreach (var engine in new[] { MessageStoreEngine.Sqlite, MessageStoreEngine.PostgreSql })
            foreach (var batch in new[] { 256, 1 })
            foreach (var appenders in Appenders)
            {
                caseNumber++;
                var options = new MessageStoreOptions
                {
                    ConnectionString = engine == MessageStoreEngine.Sqlite
                        ? $"Data Source={Path.Combine(work, $"case{caseNumber}.db")}"
                        : postgresConnection,
                    TableName = $"bench_messages_{caseNumber}",
                    MaxBatchSize = batch,
                };
                Console.Write($"[{caseNumber,2}/12] {engine,-10} {(batch == 1 ? "one tx per message" : "group commit"),-18} {appenders,3} appenders … ");
                var result = await RunCaseAsync(engine, options, appenders, duration);
                results.Add(result);
                Console.WriteLine($"{result.PerSecond,9:N0} appends/s  p50 {result.P50Ms,7:0.000} ms  p99 {result.P99Ms,7:0.000} ms  mean batch {result.MeanBatch,6:0.0}");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        Console.WriteLine($"Load average at end: {LoadAverage()}");
        PrintTable(results);
        return 0;
    }

    private static async Task<CaseResult> RunCaseAsync(MessageStoreEngine engine, MessageStoreOptions options, int appenders, TimeSpan duration)
    {
        await using var store = MessageStores.Create(engine, options);
        await store.GetMaxSeqAsync("bench/schema"); // creates the schema outside the measurement
        var author = new MessageAuthor(AuthorKind.Visitor, "v", "Visitor");
        var text = "Hello, I have a question about my order; could you please check where it is?";
        using var batchSizes = new BatchSizeListener();
        var measuring = false;
        var stop = false;
        var latencies = new List<double>[appenders];

        async Task AppendLoopAsync(int appender)
        {
            var mine = latencies[appender] = new List<double>(100_000);
            var conversation = $"bench/c{appender}";
            for (long seq = 1; !Volatile.Read(ref stop); seq++)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await store.AppendAsync(new NewMessage(conversation, seq, $"m{seq}", author, text));
                if (result is not AppendResult.Stored) throw new InvalidOperationException($"Unexpected {result}.");
                if (Volatile.Read(ref measuring)) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var loops = Enumerable.Range(0, appenders).Select(a => Task.Run(() => AppendLoopAsync(a))).ToArray();
        await Task.Delay(WarmUp);
        Volatile.Write(ref measuring, true);
        Volatile.Write(ref BatchSizeListener.Measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        Volatile.Write(ref BatchSizeListener.Measuring, false);
        var elapsed = clock.Elapsed;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new CaseResult(engine, options.MaxBatchSize, appenders, all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), batchSizes.MeanBatchSize);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void PrintTable(List<CaseResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| engine | appenders | group commit: appends/s | p50 ms | p99 ms | one tx per message: appends/s | p50 ms | p99 ms | mean batch | speed-up |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => (r.Engine, r.Appenders)))
        {
            var batched = group.Single(r => r.MaxBatchSize > 1);
            var single = group.Single(r => r.MaxBatchSize == 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Engine} | {group.Key.Appenders} | {batched.PerSecond:N0} | {batched.P50Ms:0.000} | {batched.P99Ms:0.000} | {single.PerSecond:N0} | {single.P50Ms:0.000} | {single.P99Ms:0.000} | {batched.MeanBatch:0.0} | {batched.PerSecond / single.PerSecond:0.0}× |"));
        }
    }

    private sealed record CaseResult(MessageStoreEngine Engine, int MaxBatchSize, int Appenders, double PerSecond, double P50Ms, double P99Ms, double MeanBatch);
}
