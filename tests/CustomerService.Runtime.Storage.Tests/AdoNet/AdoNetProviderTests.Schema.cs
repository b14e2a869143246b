using CustomerService.Runtime.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Storage.Tests.AdoNet;

public abstract partial class AdoNetProviderTests
{
    [Fact]
    public async Task CreatingTheSchemaTwiceAndFromTwoProvidersOnOneDatabaseIsHarmless()
    {
        var database = await NewDatabaseAsync();
        var first = Storage(Services(s => AddProvider(s, "Default", o => o.ConnectionString = database)));
        var second = Storage(Services(s => AddProvider(s, "Default", o => o.ConnectionString = database)));

        await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync()).WithTimeout();
        await first.InitializeAsync().WithTimeout();

        var grain = new GrainId("test.counter", "tenant/1");
        var written = new GrainState<CounterState>(new CounterState { Value = 11 });
        await first.WriteStateAsync("state", grain, written).WithTimeout();
        var read = new GrainState<CounterState>();
        await second.ReadStateAsync("state", grain, read).WithTimeout();
        Assert.Equal(11, read.State.Value);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task TheTableIsCreatedWhenTheHostStarts()
    {
        var database = await NewDatabaseAsync();
        using var host = Host(s => AddProvider(s, "Default", o => o.ConnectionString = database));
        Assert.False(await TableExistsAsync(database, "grain_state").WithTimeout());

        await host.StartAsync().WithTimeout();

        Assert.True(await TableExistsAsync(database, "grain_state").WithTimeout());
        await host.StopAsync().WithTimeout();
    }

    [Fact]
    public async Task WithoutAHostTheTableIsCreatedOnFirstUse()
    {
        var database = await NewDatabaseAsync();
        var storage = Services(s => AddProvider(s, "Default", o =>
        {
            o.ConnectionString = database;
            o.TableName = "chat_state";
        })).GetRequiredKeyedService<IGrainStorage>("Default");

        await storage.ReadStateAsync("state", new GrainId("test.counter", "tenant/1"), new GrainState<CounterState>()).WithTimeout();

        Assert.True(await TableExistsAsync(database, "chat_state").WithTimeout());
        Assert.False(await TableExistsAsync(database, "grain_state").WithTimeout());
    }

    [Fact]
    public async Task ProvidersWithOtherServiceIdsShareATableWithoutSeeingEachOthersStates()
    {
        var database = await NewDatabaseAsync();
        var blue = Storage(Services(s => AddProvider(s, "Default", o => (o.ConnectionString, o.ServiceId) = (database, "blue"))));
        var green = Storage(Services(s => AddProvider(s, "Default", o => (o.ConnectionString, o.ServiceId) = (database, "green"))));
        var grain = new GrainId("test.counter", "tenant/1");

        await blue.WriteStateAsync("state", grain, new GrainState<CounterState>(new CounterState { Value = 1 })).WithTimeout();
        var greenFirst = new GrainState<CounterState>(new CounterState { Value = 2 });
        await green.WriteStateAsync("state", grain, greenFirst).WithTimeout();

        var read = new GrainState<CounterState>();
        await blue.ReadStateAsync("state", grain, read).WithTimeout();
        Assert.Equal(1, read.State.Value);
    }

    [Fact]
    public async Task TwoNamedProvidersInOneContainerEachGetTheirOwnSettingsAndStartup()
    {
        var database = await NewDatabaseAsync();
        using var host = Host(s =>
        {
            AddProvider(s, "Default", o => o.ConnectionString = database);
            AddProvider(s, "Archive", o => (o.ConnectionString, o.TableName) = (database, "archive_state"));
        });

        await host.StartAsync().WithTimeout();

        Assert.True(await TableExistsAsync(database, "grain_state").WithTimeout());
        Assert.True(await TableExistsAsync(database, "archive_state").WithTimeout());
        Assert.NotSame(host.Services.GetRequiredKeyedService<IGrainStorage>("Default"),
            host.Services.GetRequiredKeyedService<IGrainStorage>("Archive"));
        await host.StopAsync().WithTimeout();
    }
}
