using CustomerService.Runtime.Storage.Tests.Infrastructure;

namespace CustomerService.Runtime.Storage.Tests.Conformance;

public abstract partial class GrainStorageConformanceTests
{
    [Fact]
    public async Task ALargeStateRoundTripsIntact()
    {
        var grain = Grain();
        var handle = await ReadAsync<ProfileState>(grain);
        // About 1 MB of text and 20,000 list items, with multi-byte characters so byte and char counts differ.
        handle.State.Name = string.Concat(Enumerable.Repeat("会话 conversation ", 50_000));
        handle.State.Tags = [.. Enumerable.Range(0, 20_000).Select(i => $"tag-{i}")];
        await WriteAsync(handle, grain);

        var read = await ReadAsync<ProfileState>(grain);

        Assert.Equal(handle.State.Name, read.State.Name);
        Assert.Equal(handle.State.Tags, read.State.Tags);
        Assert.Equal(handle.ETag, read.ETag);
    }

    [Fact]
    public async Task ConcurrentReadModifyWriteLoopsLoseNoUpdate()
    {
        const int writers = 8;
        const int incrementsEach = 25;
        var grain = Grain("tenant/hot-counter");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var conflicts = 0;

        async Task IncrementAsync()
        {
            await start.Task;
            var handle = await ReadAsync<CounterState>(grain);
            for (var done = 0; done < incrementsEach;)
            {
                handle.State.Value++;
                try
                {
                    await WriteAsync(handle, grain);
                    done++;
                }
                catch (InconsistentStateException)
                {
                    // Someone wrote in between: re-read and re-decide, as grains are told to.
                    Interlocked.Increment(ref conflicts);
                    await Storage.ReadStateAsync(StateName, grain, handle).WithTimeout();
                }
            }
        }

        var tasks = Enumerable.Range(0, writers).Select(_ => Task.Run(IncrementAsync)).ToArray();
        start.SetResult();
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(writers * incrementsEach, (await ReadAsync<CounterState>(grain)).State.Value);
    }
}
