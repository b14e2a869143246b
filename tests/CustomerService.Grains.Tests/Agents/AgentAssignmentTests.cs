using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Tests.Tenants;

namespace CustomerService.Grains.Tests.Agents;

[Trait("Category", "Integration")]
public sealed class AgentAssignmentTests
{
    [Fact]
    public async Task AnAgentThatIsNotOnlineIsGivenNothingUnlessForced()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host);

        var offline = await agent.TryAssign(AgentSetup.Conversation(agent, "c1"), force: false).Within();
        await agent.SetStatus(AgentStatus.Away).Within();
        var away = await agent.TryAssign(AgentSetup.Conversation(agent, "c1"), force: false).Within();
        var forced = await agent.TryAssign(AgentSetup.Conversation(agent, "c2"), force: true).Within();

        Assert.False(offline);
        Assert.False(away);
        Assert.True(forced);
        Assert.Equal([new AgentConversation(AgentSetup.Conversation(agent, "c2").Id, 0)], (await agent.GetConversations().Within()).AsEnumerable());
    }

    [Fact]
    public async Task AnOnlineAgentTakesConversationsUpToItsCapacityAndMoreOnlyWhenForced()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host, capacity: 2);
        await agent.SetStatus(AgentStatus.Online).Within();

        Assert.True(await agent.TryAssign(AgentSetup.Conversation(agent, "c1"), force: false).Within());
        Assert.True(await agent.TryAssign(AgentSetup.Conversation(agent, "c2"), force: false).Within());
        Assert.False(await agent.TryAssign(AgentSetup.Conversation(agent, "c3"), force: false).Within());
        Assert.True(await agent.TryAssign(AgentSetup.Conversation(agent, "c4"), force: true).Within());

        Assert.Equal(3, (await agent.GetConversations().Within()).Length);
        await agent.SetCapacity(5).Within();
        Assert.True(await agent.TryAssign(AgentSetup.Conversation(agent, "c3"), force: false).Within());
    }

    [Fact]
    public async Task AssigningTheSameConversationAgainCountsItOnce()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host, capacity: 1);
        await agent.SetStatus(AgentStatus.Online).Within();

        Assert.True(await agent.TryAssign(AgentSetup.Conversation(agent, "c1"), force: false).Within());
        Assert.True(await agent.TryAssign(AgentSetup.Conversation(agent, "c1"), force: false).Within());

        Assert.Single(await agent.GetConversations().Within());
    }

    [Fact]
    public async Task AnUnassignedConversationFreesCapacity()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host, capacity: 1);
        await agent.SetStatus(AgentStatus.Online).Within();
        var first = AgentSetup.Conversation(agent, "c1");
        await agent.TryAssign(first, force: false).Within();

        await agent.Unassigned(first.Id).Within();

        await Eventually.True(async () => (await agent.GetConversations()).IsEmpty);
        Assert.True(await agent.TryAssign(AgentSetup.Conversation(agent, "c2"), force: false).Within());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task ACapacityOutsideOneToFiftyIsRefused(int capacity)
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host, capacity: 3);

        var refused = await Assert.ThrowsAsync<ChatException>(() => agent.SetCapacity(capacity).Within());

        Assert.Equal(ChatErrorCodes.InvalidArgument, refused.Code);
        Assert.Equal(3, (await agent.GetProfile().Within()).Capacity);
    }

    [Fact]
    public async Task AConversationOfAnotherTenantIsRefused()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host);
        var foreign = AgentSetup.Conversation(agent, "c1") with { Id = "other-tenant/c1" };

        var refused = await Assert.ThrowsAsync<ChatException>(() => agent.TryAssign(foreign, force: true).Within());

        Assert.Equal(ChatErrorCodes.InvalidArgument, refused.Code);
        Assert.Empty(await agent.GetConversations().Within());
    }

    [Fact]
    public async Task TheUnreadTotalIsTheSumOverAssignedConversations()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host, capacity: 5);
        var console = await AgentSetup.SubscribeAsync(host, agent);
        await agent.SetStatus(AgentStatus.Online).Within();
        var c1 = AgentSetup.Conversation(agent, "c1");
        var c2 = AgentSetup.Conversation(agent, "c2");
        await agent.TryAssign(c1, force: false).Within();
        await agent.TryAssign(c2, force: false).Within();

        await agent.UnreadChanged(c1.Id, 3).Within();
        await agent.UnreadChanged(c2.Id, 4).Within();
        await agent.UnreadChanged($"{AgentSetup.TenantOf(agent)}/watched-only", 10).Within();
        await agent.UnreadChanged(c1.Id, 1).Within();

        Assert.Equal(new AgentUnreadEvent(c1.Id, 1, 5), await console.WaitFor<AgentUnreadEvent>(e => e.Total == 5));
        Assert.Equal(5, await agent.GetUnreadTotal().Within());
        await agent.Unassigned(c2.Id).Within();
        Assert.Equal(new AgentUnreadEvent(c2.Id, 0, 1), await console.WaitFor<AgentUnreadEvent>(e => e.ConversationId == c2.Id && e.Count == 0));
        Assert.Equal(1, await agent.GetUnreadTotal().Within());
        Assert.Equal([new AgentConversation(c1.Id, 1)], (await agent.GetConversations().Within()).AsEnumerable());
    }

    [Fact]
    public async Task GoingOfflineHandsTheConversationsBack()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host);
        await agent.SetStatus(AgentStatus.Online).Within();
        await agent.TryAssign(AgentSetup.Conversation(agent, "c1"), force: false).Within();

        await agent.SetStatus(AgentStatus.Away).Within();
        Assert.Single(await agent.GetConversations().Within());
        await agent.SetStatus(AgentStatus.Offline).Within();

        Assert.Empty(await agent.GetConversations().Within());
        Assert.Equal(0, await agent.GetUnreadTotal().Within());
    }
}
