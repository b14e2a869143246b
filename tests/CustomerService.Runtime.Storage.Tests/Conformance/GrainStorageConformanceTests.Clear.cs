using CustomerService.Runtime.Storage.Tests.Infrastructure;

namespace CustomerService.Runtime.Storage.Tests.Conformance;

public abstract partial class GrainStorageConformanceTests
{
    [Fact]
    public async Task AClearedStateReadsAsAFreshStateWithoutRecordButWithTheClearsEtag()
    {
        var grain = Grain();
        var handle = await ReadAsync<CounterState>(grain);
        handle.State.Value = 3;
        await WriteAsync(handle, grain);
        var writtenEtag = handle.ETag;

        await ClearAsync(handle, grain);

        Assert.False(handle.RecordExists);
        Assert.Equal(0, handle.State.Value);
        Assert.NotNull(handle.ETag);
        Assert.NotEqual(writtenEtag, handle.ETag);
        var read = await ReadAsync<CounterState>(grain);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State.Value);
        Assert.Equal(handle.ETag, read.ETag);
    }

    [Fact]
    public async Task AClearBasedOnAStaleEtagFailsAndChangesNothing()
    {
        var grain = Grain();
        var first = await ReadAsync<CounterState>(grain);
        await WriteAsync(first, grain);
        var stale = await ReadAsync<CounterState>(grain);
        first.State.Value = 9;
        await WriteAsync(first, grain);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => ClearAsync(stale, grain));

        Assert.Equal(first.ETag, conflict.StoredEtag);
        var stored = await ReadAsync<CounterState>(grain);
        Assert.True(stored.RecordExists);
        Assert.Equal(9, stored.State.Value);
    }

    [Fact]
    public async Task AWriteAfterAClearSucceedsWithTheClearsEtag()
    {
        var grain = Grain();
        var handle = await ReadAsync<CounterState>(grain);
        await WriteAsync(handle, grain);
        await ClearAsync(handle, grain);

        handle.State.Value = 4;
        await WriteAsync(handle, grain);

        var read = await ReadAsync<CounterState>(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(4, read.State.Value);
        Assert.Equal(handle.ETag, read.ETag);
    }

    [Fact]
    public async Task AHandleThatReadBeforeAClearCannotWriteAfterIt()
    {
        var grain = Grain();
        var owner = await ReadAsync<CounterState>(grain);
        await WriteAsync(owner, grain);
        var stale = await ReadAsync<CounterState>(grain);
        await ClearAsync(owner, grain);

        stale.State.Value = 1;
        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(stale, grain));

        var neverRead = new GrainState<CounterState>(new CounterState { Value = 2 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(neverRead, grain));
        Assert.False((await ReadAsync<CounterState>(grain)).RecordExists);
    }

    [Fact]
    public async Task ClearingAStateNeverWrittenSucceedsAndStoresNothing()
    {
        var grain = Grain();
        var handle = await ReadAsync<CounterState>(grain);

        await ClearAsync(handle, grain);

        Assert.Null(handle.ETag);
        var read = await ReadAsync<CounterState>(grain);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task AClearWithoutEtagFailsWhenAStateIsStored()
    {
        var grain = Grain();
        var writer = await ReadAsync<CounterState>(grain);
        var unaware = await ReadAsync<CounterState>(grain);
        writer.State.Value = 6;
        await WriteAsync(writer, grain);

        await Assert.ThrowsAsync<InconsistentStateException>(() => ClearAsync(unaware, grain));

        Assert.Equal(6, (await ReadAsync<CounterState>(grain)).State.Value);
    }
}
