using CustomerService.Runtime.Serialization;
using CustomerService.Runtime.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Storage.Tests.Conformance;

/// <summary>What every <see cref="IGrainStorage"/> must do, written once and run against each provider by a
/// subclass that only says how to register it. Each test gets an empty store.</summary>
public abstract partial class GrainStorageConformanceTests : IAsyncLifetime
{
    protected const string ProviderName = "Default";
    protected const string StateName = "state";

    private ServiceProvider? services;
    private IGrainStorage? storage;

    protected IGrainStorage Storage => storage ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Registers the provider under test as <paramref name="name"/>, on a store no other test uses.</summary>
    protected abstract void AddStorage(IServiceCollection services, string name);

    public virtual Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(TestSerializer.Instance);
        AddStorage(collection, ProviderName);
        services = collection.BuildServiceProvider();
        storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderName);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
    }

    protected static GrainId Grain(string key = "tenant/1", string type = "test.counter") => new(type, key);

    protected async Task<GrainState<T>> ReadAsync<T>(GrainId grainId, string stateName = StateName)
    {
        var handle = new GrainState<T>();
        await Storage.ReadStateAsync(stateName, grainId, handle).WithTimeout();
        return handle;
    }

    protected Task WriteAsync<T>(GrainState<T> handle, GrainId grainId, string stateName = StateName) =>
        Storage.WriteStateAsync(stateName, grainId, handle).WithTimeout();

    protected Task ClearAsync<T>(GrainState<T> handle, GrainId grainId, string stateName = StateName) =>
        Storage.ClearStateAsync(stateName, grainId, handle).WithTimeout();

    [Fact]
    public async Task AWrittenStateIsReadBackEqualWithTheWritersEtag()
    {
        var grain = Grain();
        var writer = await ReadAsync<ProfileState>(grain);
        writer.State = new ProfileState { Name = "Ada", Tags = ["vip", "returning"] };
        await WriteAsync(writer, grain);

        var reader = await ReadAsync<ProfileState>(grain);

        Assert.True(reader.RecordExists);
        Assert.NotNull(writer.ETag);
        Assert.Equal(writer.ETag, reader.ETag);
        Assert.Equal("Ada", reader.State.Name);
        Assert.Equal(["vip", "returning"], reader.State.Tags);
    }

    [Fact]
    public async Task ReadingAStateNeverWrittenGivesAFreshStateWithoutEtagOrRecord()
    {
        var handle = new GrainState<CounterState>(new CounterState { Value = 42 }, "17") { RecordExists = true };

        await Storage.ReadStateAsync(StateName, Grain("tenant/never-written"), handle).WithTimeout();

        Assert.False(handle.RecordExists);
        Assert.Null(handle.ETag);
        Assert.Equal(0, handle.State.Value);
    }

    [Fact]
    public async Task EveryWriteGivesANewEtag()
    {
        var grain = Grain();
        var handle = await ReadAsync<CounterState>(grain);
        var etags = new List<string?>();
        for (var i = 1; i <= 3; i++)
        {
            handle.State.Value = i;
            await WriteAsync(handle, grain);
            etags.Add(handle.ETag);
        }

        Assert.Equal(3, etags.Distinct().Count());
        Assert.Equal(3, (await ReadAsync<CounterState>(grain)).State.Value);
    }

    [Fact]
    public async Task AReaderNeverSharesObjectsWithTheWriter()
    {
        var grain = Grain();
        var writer = await ReadAsync<ProfileState>(grain);
        writer.State.Tags.Add("first");
        await WriteAsync(writer, grain);

        writer.State.Tags.Add("changed after the write");
        var reader = await ReadAsync<ProfileState>(grain);
        reader.State.Tags.Add("changed by the reader");

        Assert.Equal(["first"], (await ReadAsync<ProfileState>(grain)).State.Tags);
    }

    [Fact]
    public async Task StatesOfOtherGrainTypesStateNamesAndKeysDoNotCollide()
    {
        GrainId[] grains = [Grain("tenant/1", "type.a"), Grain("tenant/1", "type.b"), Grain("tenant/2", "type.a")];
        string[] stateNames = ["profile", "settings"];
        var expected = new Dictionary<(GrainId, string), int>();
        var value = 0;
        foreach (var grain in grains)
        {
            foreach (var stateName in stateNames)
            {
                var handle = await ReadAsync<CounterState>(grain, stateName);
                handle.State.Value = ++value;
                await WriteAsync(handle, grain, stateName);
                expected[(grain, stateName)] = value;
            }
        }

        foreach (var ((grain, stateName), stored) in expected)
            Assert.Equal(stored, (await ReadAsync<CounterState>(grain, stateName)).State.Value);
    }

    [Fact]
    public async Task KeysWithQuotesSlashesAndNonAsciiTextAreStoredAsGiven()
    {
        var grain = Grain("租户/会话-1'; DROP TABLE grain_state; --", "type\"with'quotes");
        var handle = await ReadAsync<CounterState>(grain, "state'name");
        handle.State = new CounterState { Value = 7, Note = "emoji 🙂 and \u0000 nul" };
        await WriteAsync(handle, grain, "state'name");

        var read = await ReadAsync<CounterState>(grain, "state'name");

        Assert.Equal(7, read.State.Value);
        Assert.Equal("emoji 🙂 and \u0000 nul", read.State.Note);
        Assert.False((await ReadAsync<CounterState>(Grain("租户/会话-1"), "state'name")).RecordExists);
    }
}
