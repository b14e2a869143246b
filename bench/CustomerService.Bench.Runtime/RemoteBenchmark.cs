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
/// request/response echo between the same two processes (the floor), and one-way notifications, with 1, 8 and 64
/// concurrent callers; each case reports the CPU time both processes spent per call.</summary>
internal static class RemoteBenchmark
{
    private const string PingAlias = "CustomerService.Bench.Runtime.IPongGrain.Ping";

    private const string NotifyAlias = "CustomerService.Bench.Runtime.IPongGrain.Notify";

    // One-way notifications go out in windows of this many, each closed by a ping (which runs after them, in order, on
    // the same activation), so that the sender cannot run ahead of the receiver without bound.
    private const int OneWayWindow = 64;

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 3;
        var callerCounts = Option(args, "--callers", "1,8,64").Split(',').Select(int.Parse).ToArray();
        var cases = Option(args, "--cases", "echo,call,oneway").Split(',').ToHashSet();
        // Paced calls: each caller starts a call every callers/rate seconds (as a cluster serving chat sees them: a few
        // hundred a second, each alone), instead of back to back. 0: back to back.
        var rate = double.Parse(Option(args, "--rate", "0"), System.Globalization.CultureInfo.InvariantCulture);
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
                new FrameDispatcher(services, callbacks), callbacks, CancellationToken.None);
            var pong = new GrainId("CustomerService.Bench.Runtime.PongGrain", "remote");

            Console.WriteLine($"Cross-process benchmark: {Environment.ProcessorCount} cores, {seconds:0.#} s per case after a 1 s warm-up" +
                              (rate > 0 ? $", grain calls paced at {rate:N0}/s in all." : "."));
            Console.WriteLine("CPU is user+system time of each process over the measured seconds, divided by the calls (one-way: by the messages).");
            Console.WriteLine($"{"case",-34} {"callers",7} {"calls/s",12} {"p50 µs",9} {"p99 µs",9} {"caller CPU µs",14} {"callee CPU µs",14} {"total CPU µs",13}");
            foreach (var callers in callerCounts)
            {
                if (cases.Contains("echo"))
                    Print("bare TCP echo (floor)", callers, await WarmAndMeasure(child, callers, seconds, recorders,
                        (i, deadline) => EchoLoop(echoPort, i, deadline, recorders)));
                if (cases.Contains("call"))
                    Print("grain call, other process", callers, await WarmAndMeasure(child, callers, seconds, recorders,
                        (i, deadline) => GrainLoop(remote, pong, i, deadline, rate / callers, recorders)));
                if (cases.Contains("oneway"))
                    Print($"one-way, {OneWayWindow} per ping", callers, await WarmAndMeasure(child, callers, seconds, recorders,
                        (i, deadline) => OneWayLoop(remote, i, deadline, recorders)));
            }
        }
        finally
        {
            child.StandardInput.Close();
            if (!child.WaitForExit(10_000)) child.Kill();
        }
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static async Task<Result> WarmAndMeasure(Process child, int callers, double seconds, LatencyRecorders recorders,
        Func<int, long, Task<long>> loop)
    {
        await Measure(child, callers, 1, recorders, loop);
        return await Measure(child, callers, seconds, recorders, loop);
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

    private static async Task<Result> Measure(Process child, int callers, double seconds, LatencyRecorders recorders,
        Func<int, long, Task<long>> loop)
    {
        recorders.Reset(callers);
        var self = Process.GetCurrentProcess();
        var selfCpu = self.TotalProcessorTime;
        child.Refresh();
        var childCpu = child.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(seconds * Stopwatch.Frequency);
        var calls = (await Task.WhenAll(Enumerable.Range(0, callers).Select(i => loop(i, deadline)))).Sum();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        self.Refresh();
        child.Refresh();
        var callerMicros = (self.TotalProcessorTime - selfCpu).TotalMicroseconds / calls;
        var calleeMicros = (child.TotalProcessorTime - childCpu).TotalMicroseconds / calls;
        var percentiles = recorders.Percentiles(callers, 50, 99);
        return new Result(calls / elapsed, percentiles[0], percentiles[1], callerMicros, calleeMicros);
    }

    private static async Task<long> GrainLoop(RemoteSilo remote, GrainId pong, int index, long deadline, double ratePerCaller,
        LatencyRecorders recorders)
    {
        await Task.Yield();
        var interval = ratePerCaller > 0 ? (long)(Stopwatch.Frequency / ratePerCaller) : 0;
        var next = Stopwatch.GetTimestamp();
        long calls = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (interval > 0)
            {
                next += interval;
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
            }

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

    // Each caller notifies its own grain; the ping that closes a window returns once the notifications before it ran.
    // Latency is recorded per window; calls counted are the messages (notifications and pings).
    private static async Task<long> OneWayLoop(RemoteSilo remote, int index, long deadline, LatencyRecorders recorders)
    {
        await Task.Yield();
        var target = new GrainId("CustomerService.Bench.Runtime.PongGrain", $"oneway-{index}");
        long messages = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var start = Stopwatch.GetTimestamp();
            // As a grain's turn notifying its observers: the frames leave together when the batch (the turn) ends.
            using (FrameBatch.Begin())
            {
                for (var i = 0; i < OneWayWindow; i++)
                {
                    var notify = GrainManifest.CreateRequest(NotifyAlias);
                    notify.SetArgument(0, (int)messages + i);
                    remote.SendOneWay(target, null, notify);
                }
            }

            var ping = GrainManifest.CreateRequest(PingAlias);
            ping.SetArgument(0, 0);
            (await remote.SendAsync(target, null, ping)).ThrowIfFailed();
            recorders[index].Add(Stopwatch.GetTimestamp() - start);
            messages += OneWayWindow + 1;
        }

        return messages;
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
        => Console.WriteLine($"{name,-34} {callers,7} {result.Rate,12:N0} {result.P50,9:N2} {result.P99,9:N2} " +
                             $"{result.CallerCpu,14:N2} {result.CalleeCpu,14:N2} {result.CallerCpu + result.CalleeCpu,13:N2}");

    private sealed record Result(double Rate, double P50, double P99, double CallerCpu, double CalleeCpu);
}
