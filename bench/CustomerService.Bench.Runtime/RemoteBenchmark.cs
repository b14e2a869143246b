using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CustomerService.Runtime;
using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Invocation;
using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bench.Runtime;

/// <summary>Grain calls from this process to a silo in another process over loopback TCP, next to a bare TCP
/// request/response echo between the same two processes (the floor), with 1, 8 and 64 concurrent callers.</summary>
internal static class RemoteBenchmark
{
    private const string PingAlias = "CustomerService.Bench.Runtime.IPongGrain.Ping";

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], out var s) ? s : 3;
        using var child = StartChild(out var siloPort, out var echoPort);
        try
        {
            var recorders = new LatencyRecorders();
            await using var local = await new TestClusterBuilder().BuildAndStartAsync();
            var services = local.ServiceProvider;
            var callbacks = services.GetRequiredService<CallbackRegistry>();
            var codec = new MessageCodec(services.GetRequiredService<CustomerService.Runtime.Serialization.IGrainSerializer>(),
                services.GetRequiredService<CustomerService.Runtime.Serialization.ExceptionCodec>());
            await using var remote = await RemoteSilo.ConnectAsync(new IPEndPoint(IPAddress.Loopback, siloPort), codec,
                new FrameDispatcher(services, callbacks, codec), callbacks, CancellationToken.None);
            var pong = new GrainId("CustomerService.Bench.Runtime.PongGrain", "remote");

            Console.WriteLine($"Cross-process benchmark: {Environment.ProcessorCount} cores, {seconds:0.#} s per case after a 1 s warm-up.");
            Console.WriteLine($"{"case",-34} {"callers",7} {"calls/s",12} {"p50 µs",9} {"p99 µs",9}");
            foreach (var callers in new[] { 1, 8, 64 })
            {
                await Measure(callers, 1, recorders, (i, deadline) => EchoLoop(echoPort, i, deadline, recorders));
                var floor = await Measure(callers, seconds, recorders, (i, deadline) => EchoLoop(echoPort, i, deadline, recorders));
                await Measure(callers, 1, recorders, (i, deadline) => GrainLoop(remote, pong, i, deadline, recorders));
                var grain = await Measure(callers, seconds, recorders, (i, deadline) => GrainLoop(remote, pong, i, deadline, recorders));
                Print("bare TCP echo (floor)", callers, floor);
                Print("grain call, other process", callers, grain);
                Console.WriteLine($"{"  grain / floor",-34} {"",7} {grain.Rate / floor.Rate,12:P1}");
            }
        }
        finally
        {
            child.StandardInput.Close();
            if (!child.WaitForExit(10_000)) child.Kill();
        }
    }

    private static Process StartChild(out int siloPort, out int echoPort)
    {
        var self = typeof(RemoteBenchmark).Assembly.Location;
        var child = Process.Start(new ProcessStartInfo("dotnet", [self, "remote-host"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start the remote host process.");
        var ready = child.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The remote host exited before it was ready.");
        var parts = ready.Split(' ');
        siloPort = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        echoPort = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        return child;
    }

    private static async Task<Result> Measure(int callers, double seconds, LatencyRecorders recorders, Func<int, long, Task<long>> loop)
    {
        recorders.Reset(callers);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(seconds * Stopwatch.Frequency);
        var calls = (await Task.WhenAll(Enumerable.Range(0, callers).Select(i => loop(i, deadline)))).Sum();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var percentiles = recorders.Percentiles(callers, 50, 99);
        return new Result(calls / elapsed, percentiles[0], percentiles[1]);
    }

    private static async Task<long> GrainLoop(RemoteSilo remote, GrainId pong, int index, long deadline, LatencyRecorders recorders)
    {
        await Task.Yield();
        long calls = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var request = GrainManifest.CreateRequest(PingAlias);
            request.SetArgument(0, (int)calls);
            var start = Stopwatch.GetTimestamp();
            var response = await remote.SendAsync(pong, null, request);
            response.ThrowIfFailed();
            recorders[index].Add(Stopwatch.GetTimestamp() - start);
            calls++;
        }

        return calls;
    }

    // One connection per caller, 4-byte payloads: the cost of a loopback round trip and nothing else.
    private static async Task<long> EchoLoop(int port, int index, long deadline, LatencyRecorders recorders)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var frame = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(frame, 4);
        var reply = new byte[8];
        long calls = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var start = Stopwatch.GetTimestamp();
            await socket.SendAsync(frame);
            await RemoteHost.ReceiveExactlyAsync(socket, reply);
            recorders[index].Add(Stopwatch.GetTimestamp() - start);
            calls++;
        }

        return calls;
    }

    private static void Print(string name, int callers, Result result)
        => Console.WriteLine($"{name,-34} {callers,7} {result.Rate,12:N0} {result.P50,9:N2} {result.P99,9:N2}");

    private sealed record Result(double Rate, double P50, double P99);
}
