using System.Diagnostics;

namespace CustomerService.Bench.Conversations;

/// <summary>Measures thread-pool starvation: every 10 ms it queues a work item and records how long the item waited
/// for a thread. Blocking calls on pool threads (SQLite's "async" API runs synchronously, fsync included) show up as
/// long waits while the pool is still small, and as a growing thread count.</summary>
internal sealed class PoolProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private double maxWaitMs;

    public PoolProbe() => loop = Task.Factory.StartNew(Run, TaskCreationOptions.LongRunning);

    /// <summary>The longest wait since the last call, in ms, and the pool's thread count now.</summary>
    public (double MaxWaitMs, int Threads) Take() => (Interlocked.Exchange(ref maxWaitMs, 0), ThreadPool.ThreadCount);

    private void Run()
    {
        while (!stop.IsCancellationRequested)
        {
            var queued = Stopwatch.GetTimestamp();
            using var ran = new ManualResetEventSlim();
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                var waited = Stopwatch.GetElapsedTime(queued).TotalMilliseconds;
                double seen;
                do seen = Volatile.Read(ref maxWaitMs);
                while (waited > seen && Interlocked.CompareExchange(ref maxWaitMs, waited, seen) != seen);
                ran.Set();
            }, null);
            ran.Wait();
            Thread.Sleep(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        await loop;
        stop.Dispose();
    }
}
