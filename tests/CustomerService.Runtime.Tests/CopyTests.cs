using CustomerService.Runtime.Tests.Grains;

namespace CustomerService.Runtime.Tests;

public sealed class CopyTests
{
    [Fact]
    public async Task AGrainChangingAnArgumentDoesNotChangeTheCallersObject()
    {
        await using var host = await TestHost.StartAsync();
        var basket = new Basket { Items = ["mine"] };

        var count = await host.Grains.GetGrain<ICopyGrain>("copy").AddAndCount(basket).Within();

        Assert.Equal(2, count);
        Assert.Equal(["mine"], basket.Items);
    }

    [Fact]
    public async Task ACallerChangingAResultDoesNotChangeTheGrainsObject()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ICopyGrain>("copy");

        var kept = await grain.GetKept().Within();
        kept.Items.Add("changed by caller");

        Assert.Equal(["kept"], (await grain.GetKept().Within()).Items);
    }

    [Fact]
    public async Task MutableArgumentsArriveAsCopiesWhileImmutableOnesArePassedAsTheyAre()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<ICopyGrain>("copy");
        var note = new FrozenNote("frozen");
        var basket = new Basket { Items = ["x"] };
        var receipt = new Receipt("r1", 42);

        Assert.Same(note, await grain.Echo(note).Within());
        Assert.Same(receipt, await grain.EchoReceipt(receipt).Within());
        var echoed = await grain.EchoBasket(basket).Within();
        Assert.NotSame(basket, echoed);
        Assert.Equal(basket.Items, echoed.Items);
    }
}
