using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Tests.Tenants;
using CustomerService.Runtime;
using CustomerService.Runtime.Testing;

namespace CustomerService.Grains.Tests.Agents;

[Trait("Category", "Integration")]
public sealed class AgentPresenceTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ClosingOneOfTwoTabsKeepsTheAgentOnline()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DomainHost.StartAsync(clock);
        var agent = await AgentSetup.NewAgentAsync(host);
        await agent.Connect("tab-1").Within();
        await agent.Connect("phone").Within();
        await agent.SetStatus(AgentStatus.Online).Within();

        await agent.Disconnect("tab-1").Within();
        clock.Advance(Grace + TimeSpan.FromSeconds(30));

        Assert.Equal(AgentStatus.Online, (await agent.GetProfile().Within()).Status);
    }

    [Fact]
    public async Task ClosingEveryTabTakesAnOnlineAgentOfflineOnlyAfterTheGrace()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DomainHost.StartAsync(clock);
        var agent = await AgentSetup.NewAgentAsync(host);
        var console = await AgentSetup.SubscribeAsync(host, agent);
        await agent.Connect("tab-1").Within();
        await agent.Connect("tab-2").Within();
        await agent.SetStatus(AgentStatus.Online).Within();
        Assert.True(await agent.TryAssign(AgentSetup.Conversation(agent, "c1"), force: false).Within());

        await agent.Disconnect("tab-1").Within();
        await agent.Disconnect("tab-2").Within();
        clock.Advance(Grace - TimeSpan.FromSeconds(1));
        Assert.Equal(AgentStatus.Online, (await agent.GetProfile().Within()).Status);
        clock.Advance(TimeSpan.FromSeconds(1));

        await console.WaitFor<AgentProfile>(p => p.Status == AgentStatus.Offline);
        Assert.Equal(AgentStatus.Offline, (await agent.GetProfile().Within()).Status);
        Assert.Empty(await agent.GetConversations().Within());
    }

    [Fact]
    public async Task AReconnectWithinTheGraceKeepsTheAgentOnline()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DomainHost.StartAsync(clock);
        var agent = await AgentSetup.NewAgentAsync(host);
        await agent.Connect("tab-1").Within();
        await agent.SetStatus(AgentStatus.Online).Within();

        await agent.Disconnect("tab-1").Within();
        clock.Advance(Grace / 2);
        await agent.Connect("tab-1-reloaded").Within();
        clock.Advance(Grace);

        Assert.Equal(AgentStatus.Online, (await agent.GetProfile().Within()).Status);
    }

    [Fact]
    public async Task AConnectionThatIsNotRenewedExpiresAndTheAgentGoesOffline()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DomainHost.StartAsync(clock);
        var agent = await AgentSetup.NewAgentAsync(host);
        var console = await AgentSetup.SubscribeAsync(host, agent);
        await agent.Connect("dead-tab").Within();
        await agent.SetStatus(AgentStatus.Online).Within();

        clock.Advance(Expiry + Grace);

        await console.WaitFor<AgentProfile>(p => p.Status == AgentStatus.Offline);
    }

    [Fact]
    public async Task RenewingAConnectionKeepsTheAgentOnlineBeyondTheExpiry()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DomainHost.StartAsync(clock);
        var agent = await AgentSetup.NewAgentAsync(host);
        await agent.Connect("tab").Within();
        await agent.SetStatus(AgentStatus.Online).Within();

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(Expiry / 2);
            await agent.Connect("tab").Within();
        }

        Assert.Equal(AgentStatus.Online, (await agent.GetProfile().Within()).Status);
    }

    [Fact]
    public async Task AnAwayAgentWithoutConnectionsStaysAway()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DomainHost.StartAsync(clock);
        var agent = await AgentSetup.NewAgentAsync(host);
        await agent.Connect("tab").Within();
        await agent.SetStatus(AgentStatus.Away).Within();

        await agent.Disconnect("tab").Within();
        clock.Advance(Grace * 3);

        Assert.Equal(AgentStatus.Away, (await agent.GetProfile().Within()).Status);
    }

    [Fact]
    public async Task TheGraceComesFromTheAgentsOptions()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DomainHost.StartAsync(clock, o => o.PresenceGrace = TimeSpan.FromSeconds(5));
        var agent = await AgentSetup.NewAgentAsync(host);
        var console = await AgentSetup.SubscribeAsync(host, agent);
        await agent.SetStatus(AgentStatus.Online).Within();

        clock.Advance(TimeSpan.FromSeconds(5));

        await console.WaitFor<AgentProfile>(p => p.Status == AgentStatus.Offline);
    }

    [Fact]
    public async Task ARemovedAgentCannotConnect()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host);
        await agent.Remove().Within();

        var refused = await Assert.ThrowsAsync<ChatException>(() => agent.Connect("tab").Within());

        Assert.Equal(ChatErrorCodes.NotFound, refused.Code);
    }

    [Fact]
    public async Task ABadPresenceGraceStopsTheSiloFromStartingNamingTheKey()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await DomainHost.StartAsync(configureAgents: o => o.PresenceGrace = TimeSpan.FromSeconds(-5));
        });

        Assert.Contains("Agents:PresenceGrace", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOnlineAgentWhoseSiloDiedGoesOfflineUnlessAFrontEndRenewsItsConnection()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DomainHost.StartAsync(clock);
        var agent = await AgentSetup.NewAgentAsync(host);
        var abandoned = await AgentSetup.NewAgentAsync(host);
        await agent.Connect("tab").Within();
        await agent.SetStatus(AgentStatus.Online).Within();
        await abandoned.SetStatus(AgentStatus.Online).Within();

        var grains = await host.ReactivateAsync();
        var renewed = grains.GetGrain<IAgentGrain>(agent.GetPrimaryKeyString());
        var silent = grains.GetGrain<IAgentGrain>(abandoned.GetPrimaryKeyString());

        Assert.Equal(AgentStatus.Online, (await silent.GetProfile().Within()).Status);
        Assert.Equal(AgentStatus.Online, (await renewed.GetProfile().Within()).Status);
        await renewed.Connect("tab").Within();
        clock.Advance(Expiry + Grace - TimeSpan.FromSeconds(1));
        await renewed.Connect("tab").Within();
        clock.Advance(TimeSpan.FromSeconds(1));

        await Eventually.True(async () => (await silent.GetProfile()).Status == AgentStatus.Offline);
        Assert.Equal(AgentStatus.Online, (await renewed.GetProfile().Within()).Status);
    }
}
