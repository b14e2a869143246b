using System.Diagnostics;
using System.Globalization;
using CustomerService.Grains;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Hosting;
using CustomerService.Grains.Messages;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Testing.PostgreSql;
using Microsoft.Data.Sqlite;

namespace CustomerService.Bench.Conversations;

/// <summary>Messages per second through <see cref="IConversationGrain.SendMessage"/> in a one-silo test cluster with
/// durable storage on one database (grain state through the ADO.NET grain storage, messages through the message
/// store, the conversation index beside them), with the store's group commit on (MaxBatchSize 256) and off (1), next
/// to a raw one-row INSERT loop on the same database in the same run. Senders are closed loops, each the visitor of a
/// conversation of its own; every ack follows a durable commit of the message and of the grain's state.</summary>
internal static class ConversationBenchmark
{
    public const string Text = "Hello, I have a question about my order; could you please check where it is?";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.5);

    public static async Task<int> RunAsync(TimeSpan duration, int senders)
    {
        var work = Path.Combine(Path.GetTempPath(), $"cs-conv-bench-{Guid.NewGuid():N}"[..26]);
        Directory.CreateDirectory(work);
        var rows = new List<string>();
        try
        {
            Console.WriteLine($"Load average at start: {LoadAverage()}");
            Console.WriteLine($"Conversation benchmark: {senders} senders, {duration.TotalSeconds:0.#} s per case after {WarmUp.TotalSeconds:0.#} s warm-up, {Environment.ProcessorCount} cores.");
            await using var postgres = await ThrowawayPostgreSql.StartAsync();
            var caseNumber = 0;
            foreach (var engine in new[] { MessageStoreEngine.Sqlite, MessageStoreEngine.PostgreSql })
            {
                var connection = engine == MessageStoreEngine.Sqlite
                    ? $"Data Source={Path.Combine(work, "raw.db")}"
                    : await postgres.CreateDatabaseAsync("raw_bench");
                var raw = await RawInsertLoop.RunAsync(engine, connection, duration);
                Console.WriteLine($"{engine,-10} raw INSERT loop (1 connection, 1 row per commit): {raw,9:N0} rows/s");
                var results = new Dictionary<int, (double PerSecond, double P50, double P99)>();
                foreach (var batch in new[] { 256, 1 })
                {
                    caseNumber++;
                    var db = engine == MessageStoreEngine.Sqlite
                        ? $"Data Source={Path.Combine(work, $"case{caseNumber}.db")}"
                        : await postgres.CreateDatabaseAsync($"conv_bench_{caseNumber}");
                    results[batch] = await RunCaseAsync(engine, db, batch, senders, duration);
                    Console.WriteLine($"{engine,-10} {(batch == 1 ? "one tx per message" : "group commit"),-18} {results[batch].PerSecond,9:N0} messages/s  p50 {results[batch].P50,7:0.00} ms  p99 {results[batch].P99,7:0.00} ms");
                }

                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {engine} | {raw:N0} | {results[256].PerSecond:N0} | {results[256].P50:0.00} | {results[256].P99:0.00} | {results[1].PerSecond:N0} | {results[1].P50:0.00} | {results[1].P99:0.00} | {results[256].PerSecond / raw:0.00} |"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }

        Console.WriteLine($"Load average at end: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine($"| engine | raw INSERT rows/s | group commit: messages/s | p50 ms | p99 ms | one tx per message: messages/s | p50 ms | p99 ms | group commit ÷ raw |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows) Console.WriteLine(row);
        return 0;
    }

    private static async Task<(double, double, double)> RunCaseAsync(MessageStoreEngine engine, string connection, int batch, int senders, TimeSpan duration)
    {
        await using var cluster = await new TestClusterBuilder()
            .WithoutDefaultStorage()
            .ConfigureSilo(silo =>
            {
                if (engine == MessageStoreEngine.Sqlite) silo.Services.AddSqliteGrainStorage("Default", o => o.ConnectionString = connection);
                else silo.Services.AddPostgreSqlGrainStorage("Default", o => o.ConnectionString = connection);
                silo.AddCustomerServiceGrains(engine, store =>
                {
                    store.ConnectionString = connection;
                    store.MaxBatchSize = batch;
                });
            })
            .BuildAndStartAsync();
        var grains = cluster.GrainFactory;
        var stop = false;
        var measuring = false;
        var latencies = new List<double>[senders];

        async Task SendLoopAsync(int sender)
        {
            var mine = latencies[sender] = new List<double>(50_000);
            var visitor = new Participant(AuthorKind.Visitor, $"v{sender}", "Visitor");
            var conversation = grains.GetGrain<IConversationGrain>($"bench/c{sender}");
            for (var n = 0; !Volatile.Read(ref stop); n++)
            {
                var started = Stopwatch.GetTimestamp();
                await conversation.SendMessage(visitor, new SendMessageCommand($"m{n}", Text));
                if (Volatile.Read(ref measuring)) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var loops = Enumerable.Range(0, senders).Select(s => Task.Run(() => SendLoopAsync(s))).ToArray();
        await Task.Delay(WarmUp);
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
