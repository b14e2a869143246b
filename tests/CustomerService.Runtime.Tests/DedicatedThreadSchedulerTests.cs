using CustomerService.Runtime.Utilities;

namespace CustomerService.Runtime.Tests;

public sealed class DedicatedThreadSchedulerTests
{
    [Fact]
    public async Task ALoopStartedOnItResumesOnItsOwnThreadAfterEveryAwait()
    {
        using var scheduler = new DedicatedThreadScheduler("test-writer");
        var signal = new SemaphoreSlim(0);
        var threads = new List<(int Id, bool Pool)>();

        var loop = scheduler.Run(async () =>
        {
            for (var round = 0; round < 3; round++)
            {
                // Waits that really yield (released from the test's thread) come back to the scheduler's thread.
                await signal.WaitAsync();
                threads.Add((Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread));
            }
        });
        for (var round = 0; round < 3; round++)
        {
            await Task.Delay(10);
            signal.Release();
        }

        await loop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, threads.Count);
        Assert.Single(threads.Select(t => t.Id).Distinct());
        Assert.All(threads, t => Assert.False(t.Pool));
    }

    [Fact]
    public async Task AfterDisposeLateContinuationsStillRun()
    {
        var scheduler = new DedicatedThreadScheduler("test-writer");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = scheduler.Run(async () => await gate.Task);

        scheduler.Dispose();
        gate.SetResult();

        await loop.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
