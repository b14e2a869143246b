using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Tests;

public sealed class FilterTests
{
    private static Task<TestHost> StartWithFilters() => TestHost.StartAsync(silo: s =>
    {
        s.Services.AddIncomingGrainCallFilter(sp => new RecordingFilter(sp.GetRequiredService<Probe>(), "first"));
        s.Services.AddIncomingGrainCallFilter(sp => new RecordingFilter(sp.GetRequiredService<Probe>(), "second"));
    });

    [Fact]
    public async Task IncomingFiltersRunInRegistrationOrderAroundTheGrainsOwnFilter()
    {
        await using var host = await StartWithFilters();

        Assert.Equal("hello ann", await host.Grains.GetGrain<IGuardedGrain>("g").Greet("ann").Within());

        Assert.Equal(
            ["first before", "second before", "grain filter before", "grain", "grain filter after", "second after", "first after"],
            host.Probe.Events);
    }

    [Fact]
    public async Task AFilterCanRejectACallSoTheGrainMethodNeverRuns()
    {
        await using var host = await StartWithFilters();

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => host.Grains.GetGrain<IGuardedGrain>("g").Greet("intruder").Within());

        Assert.Equal("first rejected Greet", error.Message);
        Assert.DoesNotContain("grain", host.Probe.Events);
    }

    [Fact]
    public async Task OutgoingFiltersSeeTheCallingGrainAndCanChangeTheResult()
    {
        await using var host = await TestHost.StartAsync(silo: s => s.Services.AddOutgoingGrainCallFilter<OutgoingRecorder>());

        var result = await host.Grains.GetGrain<IGuardedGrain>("front").Forward("back", "bo").Within();

        Assert.Equal("hello bo!!", result);
        Assert.Contains("out Forward from client", host.Probe.Events);
        Assert.Contains("out Greet from front", host.Probe.Events);
    }
}
