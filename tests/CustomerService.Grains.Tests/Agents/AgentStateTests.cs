using CustomerService.Grains.Agents;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Runtime;
using CustomerService.Grains.Tests.Tenants;

namespace CustomerService.Grains.Tests.Agents;

[Trait("Category", "Integration")]
public sealed class AgentStateTests
{
    [Fact]
    public async Task ProfileStatusAndAssignmentsSurviveAFreshActivation()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host, capacity: 3);
        await agent.SetStatus(AgentStatus.Online).Within();
        var conversation = AgentSetup.Conversation(agent, "c1");
        await agent.TryAssign(conversation, force: false).Within();
        var expected = await agent.GetProfile().Within();
        await agent.GetUnreadTotal().Within();

        var grains = await host.ReactivateAsync();
        var again = grains.GetGrain<IAgentGrain>(agent.GetPrimaryKeyString());

        Assert.Equivalent(expected, await again.GetProfile().Within());
        // Unread counts are rebuilt from the conversations (AgentUnreadTests); this one was never stored.
        Assert.Equal([new AgentConversation(conversation.Id, 0)], (await again.GetConversations().Within()).AsEnumerable());
        Assert.Equal(0, await again.GetUnreadTotal().Within());
        Assert.Equal("hash-1", await again.GetPasswordHash().Within());
    }
}
