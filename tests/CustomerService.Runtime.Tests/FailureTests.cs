using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Tests.Grains;

namespace CustomerService.Runtime.Tests;

public sealed class FailureTests
{
    [Fact]
    public async Task AnExceptionThrownByAGrainReachesTheCallerWithItsTypeAndMessage()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<IFailingGrain>("thrower");

        var async = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAsync("went wrong").Within());
        var sync = await Assert.ThrowsAsync<ArgumentException>(() => grain.ThrowSynchronously("bad input").Within());

        Assert.Equal("went wrong", async.Message);
        Assert.Equal("bad input", sync.Message);
        Assert.Contains(nameof(FailingGrain.ThrowAsync), async.StackTrace);
    }

    [Fact]
    public async Task AnExceptionKeepsItsOwnPropertiesSuchAsAnErrorCode()
    {
        await using var host = await TestHost.StartAsync();

        var error = await Assert.ThrowsAsync<CodedException>(
            () => host.Grains.GetGrain<IFailingGrain>("coded").ThrowCoded("not_found", "no such conversation").Within());

        Assert.Equal("not_found", error.Code);
        Assert.Equal("no such conversation", error.Message);
    }

    [Fact]
    public async Task AGrainStillAnswersAfterOneOfItsCallsFailed()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<IFailingGrain>("resilient");

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAsync("once").Within());

        Assert.Equal("pong", await grain.Ping().Within());
    }

    [Fact]
    public async Task AHungCallFailsWithATimeoutAfterTheResponseTimeout()
    {
        var clock = new ManualTimeProvider();
        await using var host = await TestHost.StartAsync(b => b.UseTimeProvider(clock).ConfigureRuntime(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        var call = host.Grains.GetGrain<IFailingGrain>("hung").Hang();

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(await call.CompletesWithin(100));
        clock.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.Within());
        Assert.Contains("Hang", error.Message);
        host.Probe.Open("never");
    }

    [Fact]
    public async Task ACallCycleBetweenNonReentrantGrainsFailsByTimeoutAndTheGrainsRecover()
    {
        var clock = new ManualTimeProvider();
        await using var host = await TestHost.StartAsync(b => b.UseTimeProvider(clock).ConfigureRuntime(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        var a = host.Grains.GetGrain<IFailingGrain>("a");

        var cycle = a.CallPartner("b"); // a -> b -> a: a is busy waiting for b
        Assert.False(await cycle.CompletesWithin(100));
        clock.Advance(TimeSpan.FromSeconds(6));

        await Assert.ThrowsAsync<TimeoutException>(() => cycle.Within());
        Assert.Equal("pong", await a.Ping().Within());
        Assert.Equal("pong", await host.Grains.GetGrain<IFailingGrain>("b").Ping().Within());
    }
}
