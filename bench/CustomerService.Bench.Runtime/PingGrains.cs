using CustomerService.Runtime;

namespace CustomerService.Bench.Runtime;

public interface IPongGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);

    /// <summary>A one-way notification, as a grain pushes to a front-end's observer.</summary>
    [OneWay]
    Task Notify(int value);
}

public sealed class PongGrain : Grain, IPongGrain
{
    public int LastNotified { get; private set; }

    public Task<int> Ping(int value) => Task.FromResult(value + 1);

    public Task Notify(int value)
    {
        LastNotified = value;
        return Task.CompletedTask;
    }
}

public interface IPingerGrain : IGrainWithStringKey
{
    /// <summary>Pings its partner until the deadline, recording each call's latency; returns the number of calls.</summary>
    Task<long> Run(string partner, long deadlineTimestamp, int recorder);
}

public sealed class PingerGrain(LatencyRecorders recorders) : Grain, IPingerGrain
{
    public async Task<long> Run(string partner, long deadlineTimestamp, int recorder)
    {
        var target = GrainFactory.GetGrain<IPongGrain>(partner);
        var latencies = recorders[recorder];
        long calls = 0;
        while (System.Diagnostics.Stopwatch.GetTimestamp() < deadlineTimestamp)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            await target.Ping((int)calls);
            latencies.Add(System.Diagnostics.Stopwatch.GetTimestamp() - start);
            calls++;
        }

        return calls;
    }
}

/// <summary>The plain object the floor measurement awaits: same method, no runtime.</summary>
public sealed class PlainPong
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}
