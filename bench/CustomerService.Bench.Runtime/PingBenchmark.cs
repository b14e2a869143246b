using System.Diagnostics;
using CustomerService.Runtime;
using CustomerService.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bench.Runtime;

/// <summary>Grain-to-grain calls in one silo (a pinger grain awaits a pong grain in a loop, several pairs at once)
/// against the floor: the same loop awaiting a plain object's Task-returning method.</summary>
internal static class PingBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], out var s) ? s : 3;
        var recorders = new LatencyRecorders();
        await using var cluster = await new TestClusterBuilder()
            .ConfigureSilo(silo => silo.Services.AddSingleton(recorders))
            .BuildAndStartAsync();

        Console.WriteLine($"Grain call benchmark: {Environment.ProcessorCount} cores, {seconds:0.#} s per case after a 1 s warm-up.");
        Console.WriteLine($"{"case",-34} {"pairs",6} {"calls/s",12} {"p50 µs",9} {"p99 µs",9}");
        foreach (var pairs in new[] { 1, 8, 64 })
        {
            await Measure("plain await (floor)", pairs, 1, recorders, PlainLoops);
            var floor = await Measure("plain await (floor)", pairs, seconds, recorders, PlainLoops);
            await Measure("grain -> grain", pairs, 1, recorders, (p, d, _) => GrainLoops(cluster.GrainFactory, p, d));
            var grain = await Measure("grain -> grain", pairs, seconds, recorders, (p, d, _) => GrainLoops(cluster.GrainFactory, p, d));
            Print("plain await (floor)", pairs, floor);
            Print("grain -> grain", pairs, grain);
            Console.WriteLine($"{"  grain / floor",-34} {"",6} {grain.Rate / floor.Rate,12:P2}");
        }
    }

    private static async Task<Result> Measure(string name, int pairs, double seconds, LatencyRecorders recorders,
        Func<int, long, LatencyRecorders, IEnumerable<Task<long>>> loops)
    {
        recorders.Reset(pairs);
        Console.Error.Write($"\r  running {name} with {pairs} pairs for {seconds:0.#} s...   ");
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(seconds * Stopwatch.Frequency);
        var calls = (await Task.WhenAll(loops(pairs, deadline, recorders))).Sum();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.Error.Write("\r" + new string(' ', 70) + "\r");
        var percentiles = recorders.Percentiles(pairs, 50, 99);
        return new Result(calls / elapsed, percentiles[0], percentiles[1]);
    }

    private static IEnumerable<Task<long>> GrainLoops(IGrainFactory grains, int pairs, long deadline)
        => Enumerable.Range(0, pairs).Select(i => grains.GetGrain<IPingerGrain>($"pinger-{i}").Run($"pong-{i}", deadline, i)).ToList();

    private static IEnumerable<Task<long>> PlainLoops(int pairs, long deadline, LatencyRecorders recorders)
        => Enumerable.Range(0, pairs).Select(i => Task.Run(async () =>
        {
            var target = new PlainPong();
            var latencies = recorders[i];
            long calls = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var start = Stopwatch.GetTimestamp();
                await target.Ping((int)calls);
                latencies.Add(Stopwatch.GetTimestamp() - start);
                calls++;
            }

            return calls;
        })).ToList();

    private static void Print(string name, int pairs, Result result)
        => Console.WriteLine($"{name,-34} {pairs,6} {result.Rate,12:N0} {result.P50,9:N2} {result.P99,9:N2}");

    private sealed record Result(double Rate, double P50, double P99);
}
