using System.Diagnostics;
using System.Globalization;
using CustomerService.Grains;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Hosting;
using CustomerService.Grains.Messages;
using CustomerService.Grains.Routing;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Testing;
using Microsoft.Data.Sqlite;

namespace CustomerService.Bench.Conversations;

/// <summary>The start of a load run in embedded mode (issue #6), in one process on one durable SQLite file: many
/// conversations asking the router at once, agents coming online to a full queue, then messages while every
/// conversation is assigned (each visitor message changes its agent's unread count), then all resolved at once. The
/// cycle repeats, so the router's state size after each cycle shows whether it stays bounded.</summary>
internal static class RoutingBurstBenchmark
{
    private const string Tenant = "burst";

    public static async Task<int> RunAsync(int conversations, int agents, int cycles, int messages)
    {
        var work = Path.Combine(Path.GetTempPath(), $"cs-burst-bench-{Guid.NewGuid():N}"[..27]);
        Directory.CreateDirectory(work);
        var db = $"Data Source={Path.Combine(work, "burst.db")}";
        try
        {
            Console.WriteLine($"Load average at start: {LoadAverage()}");
            Console.WriteLine($"Routing burst: {conversations} conversations, {agents} agents (capacity 50), {cycles} cycles, {messages} visitor messages each per cycle, SQLite durable, {Environment.ProcessorCount} cores.");
            await using var cluster = await new TestClusterBuilder()
                .WithoutDefaultStorage()
                .ConfigureSilo(silo =>
                {
                    silo.Services.AddSqliteGrainStorage("Default", o => o.ConnectionString = db);
                    silo.AddCustomerServiceGrains(MessageStoreEngine.Sqlite, store => store.ConnectionString = db);
                })
                .BuildAndStartAsync();
            var grains = cluster.GrainFactory;
            var tenant = grains.GetGrain<ITenantGrain>(Tenant);
            await tenant.EnsureCreated(TenantDefaults.Create(Tenant, ["*"]));
            var team = new List<IAgentGrain>();
            for (var i = 0; i < agents; i++)
            {
                var profile = await tenant.CreateAgent(new AgentUpdate($"bench-{i}@burst.local", $"Bench agent {i}", AgentRole.Agent, 50, [], null));
                var agent = grains.GetGrain<IAgentGrain>($"{Tenant}/{profile.Id}");
                await agent.Connect("tab");
                team.Add(agent);
            }

            await using var probe = new PoolProbe();
            probe.Take();
            Console.WriteLine("| cycle | phase | wall ms | p50 ms | p99 ms | max ms | router state bytes | max pool wait ms | pool threads |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            for (var cycle = 0; cycle < cycles; cycle++)
            {
                var ids = Enumerable.Range(0, conversations).Select(i => $"{Tenant}/c{cycle}-{i}").ToArray();
                // Cycle 0 is the start of a load run: agents come online to a queue of everyone; later cycles route
                // into agents already online.
                Report(cycle, "first messages (route)", await TimeAllAsync(ids.Length, i =>
                    grains.GetGrain<IConversationGrain>(ids[i]).SendMessage(Visitor(cycle, i), new SendMessageCommand("m0", ConversationBenchmark.Text))), db, probe);
                if (cycle == 0)
                {
                    var clock = Stopwatch.StartNew();
                    var online = await TimeAllAsync(team.Count, i => team[i].SetStatus(AgentStatus.Online));
                    while ((await grains.GetGrain<IRouterGrain>(Tenant).GetQueue()).Waiting.Length > 0) await Task.Delay(1);
                    Report(cycle, "agents online, queue drained", online with { Wall = clock.Elapsed.TotalMilliseconds }, db, probe);
                }

                Report(cycle, $"{messages} messages each", await TimeAllAsync(ids.Length * messages, k =>
                    grains.GetGrain<IConversationGrain>(ids[k % ids.Length]).SendMessage(Visitor(cycle, k % ids.Length), new SendMessageCommand($"m{1 + k / ids.Length}", ConversationBenchmark.Text)), perConversation: ids.Length), db, probe);
                Report(cycle, "resolve all", await TimeAllAsync(ids.Length, i =>
                    grains.GetGrain<IConversationGrain>(ids[i]).Close(new Participant(AuthorKind.System, "system", "System"))), db, probe);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }

        Console.WriteLine($"Load average at end: {LoadAverage()}");
        return 0;
    }

    private static Participant Visitor(int cycle, int i) => new(AuthorKind.Visitor, $"v{cycle}-{i}", "Visitor");

    private sealed record Timing(double Wall, double P50, double P99, double Max);

    /// <summary>Starts every call at once (at most <paramref name="perConversation"/> in flight, in order, when calls
    /// share a conversation) and times each from the common start.</summary>
    private static async Task<Timing> TimeAllAsync(int count, Func<int, Task> call, int? perConversation = null)
    {
        var latencies = new double[count];
        var start = Stopwatch.GetTimestamp();
        var lanes = perConversation ?? count;
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => Task.Run(async () =>
        {
            for (var k = lane; k < count; k += lanes)
            {
                await call(k);
                latencies[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        var wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        // Closed loops of one conversation: the latency of a call is from when the previous one returned.
        if (perConversation is { } width)
        {
            for (var k = count - 1; k >= width; k--) latencies[k] -= latencies[k - width];
        }

        Array.Sort(latencies);
        return new Timing(wall, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
    }

    private static void Report(int cycle, string phase, Timing t, string db, PoolProbe probe)
    {
        var (wait, threads) = probe.Take();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {cycle} | {phase} | {t.Wall:0} | {t.P50:0.0} | {t.P99:0.0} | {t.Max:0.0} | {RouterStateBytes(db):N0} | {wait:0.0} | {threads} |"));
    }

    private static long RouterStateBytes(string db)
    {
        using var connection = new SqliteConnection(db + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(sum(length(payload)), 0) FROM grain_state WHERE state_name = 'router'";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
