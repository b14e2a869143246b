using CustomerService.Runtime.Tests.Grains;

namespace CustomerService.Runtime.Tests;

public sealed class StateTests
{
    [Fact]
    public async Task WrittenStateIsLoadedByTheNextActivation()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ICounterGrain>("persisted");
        await grain.Add(5, write: true).Within();

        await grain.Deactivate().Within();

        Assert.Equal(5, await grain.Get().Within());
        Assert.NotNull(await grain.GetEtag().Within());
    }

    [Fact]
    public async Task DeactivationWritesStateChangedButNotYetWritten()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ICounterGrain>("unsaved");
        await grain.Add(7, write: false).Within();

        await grain.Deactivate().Within();

        Assert.Equal(7, await grain.Get().Within());
    }

    [Fact]
    public async Task ClearedStateIsGoneAfterReactivation()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ICounterGrain>("cleared");
        await grain.Add(3, write: true).Within();

        await grain.Clear().Within();
        await grain.Deactivate().Within();

        Assert.Equal(0, await grain.Get().Within());
    }
}
