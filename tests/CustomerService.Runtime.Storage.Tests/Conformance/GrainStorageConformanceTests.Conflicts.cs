using CustomerService.Runtime.Storage.Tests.Infrastructure;

namespace CustomerService.Runtime.Storage.Tests.Conformance;

public abstract partial class GrainStorageConformanceTests
{
    [Fact]
    public async Task AWriteBasedOnAStaleEtagFailsAndChangesNothing()
    {
        var grain = Grain();
        var setup = await ReadAsync<CounterState>(grain);
        await WriteAsync(setup, grain);
        var first = await ReadAsync<CounterState>(grain);
        var second = await ReadAsync<CounterState>(grain);
        var staleEtag = second.ETag;

        first.State.Value = 1;
        await WriteAsync(first, grain);
        second.State.Value = 2;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(second, grain));

        Assert.Equal(first.ETag, conflict.StoredEtag);
        Assert.Equal(staleEtag, conflict.CurrentEtag);
        Assert.Equal(staleEtag, second.ETag);
        var stored = await ReadAsync<CounterState>(grain);
        Assert.Equal(1, stored.State.Value);
        Assert.Equal(first.ETag, stored.ETag);
    }

    [Fact]
    public async Task OfTwoFirstWritesWithoutEtagTheSecondFailsAndTheFirstIsKept()
    {
        var grain = Grain();
        var first = await ReadAsync<CounterState>(grain);
        var second = await ReadAsync<CounterState>(grain);

        first.State.Value = 1;
        await WriteAsync(first, grain);
        second.State.Value = 2;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(second, grain));

        Assert.Equal(first.ETag, conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
        Assert.Equal(1, (await ReadAsync<CounterState>(grain)).State.Value);
    }

    [Fact]
    public async Task AWriteWithAnEtagNoProviderGaveFailsAndStoresNothing()
    {
        var grain = Grain();
        var handle = new GrainState<CounterState>(new CounterState { Value = 5 }, "not-a-version");

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(handle, grain));

        Assert.False((await ReadAsync<CounterState>(grain)).RecordExists);
    }

    [Fact]
    public async Task AWriteWithAnEtagWhenNothingIsStoredFails()
    {
        var grain = Grain();
        var handle = new GrainState<CounterState>(new CounterState { Value = 5 }, "1");

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(handle, grain));

        Assert.Null(conflict.StoredEtag);
        Assert.False((await ReadAsync<CounterState>(grain)).RecordExists);
    }
}
