using System.Diagnostics;

namespace CustomerService.Bench.Runtime;

/// <summary>Per-call latencies of one loop (single writer), kept as raw Stopwatch ticks.</summary>
public sealed class LatencyRecorder
{
    private long[] samples = new long[1 << 16];

    public int Count { get; private set; }

    public void Add(long ticks)
    {
        if (Count == samples.Length) Array.Resize(ref samples, samples.Length * 2);
        samples[Count++] = ticks;
    }

    public ReadOnlySpan<long> Samples => samples.AsSpan(0, Count);

    public void Clear() => Count = 0;
}

/// <summary>One recorder per concurrent loop, shared with the grains through DI.</summary>
public sealed class LatencyRecorders
{
    private readonly List<LatencyRecorder> recorders = [];

    public LatencyRecorder this[int index] => recorders[index];

    public void Reset(int count)
    {
        while (recorders.Count < count) recorders.Add(new LatencyRecorder());
        foreach (var recorder in recorders) recorder.Clear();
    }

    /// <summary>The given percentiles (0..100) over every loop's samples, in microseconds.</summary>
    public double[] Percentiles(int loops, params double[] percentiles)
    {
        var all = new List<long>();
        for (var i = 0; i < loops; i++) all.AddRange(recorders[i].Samples.ToArray());
        all.Sort();
        return percentiles.Select(p => all.Count == 0 ? 0 : all[Math.Min(all.Count - 1, (int)(p / 100 * all.Count))] * 1_000_000.0 / Stopwatch.Frequency).ToArray();
    }
}
