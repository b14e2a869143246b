using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Tests.Tenants;

namespace CustomerService.Grains.Tests.Agents;

[Trait("Category", "Integration")]
public sealed class AgentEventTests
{
    [Fact]
    public async Task EveryConsoleOfTheAgentHearsItsEvents()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host);
        var tab = await AgentSetup.SubscribeAsync(host, agent);
        var phone = await AgentSetup.SubscribeAsync(host, agent);
        var conversation = AgentSetup.Conversation(agent, "c1");
        var mention = new MentionEvent(conversation.Id, "m1", 4, People.OtherAgent);

        await agent.SetStatus(AgentStatus.Online).Within();
        await agent.TryAssign(conversation, force: false).Within();
        await agent.ConversationChanged(conversation with { Labels = ["vip"] }).Within();
        await agent.UnreadChanged(conversation.Id, 2).Within();
        await agent.QueueChanged(3).Within();
        await agent.Mentioned(mention).Within();
        await agent.SetCapacity(4).Within();

        foreach (var console in new[] { tab, phone })
        {
            Assert.Equal(AgentStatus.Online, (await console.WaitFor<AgentProfile>()).Status);
            Assert.Equivalent(conversation, (await console.WaitFor<Assigned>()).Conversation);
            Assert.Equal(["vip"], (await console.WaitFor<ConversationView>()).Labels.AsEnumerable());
            Assert.Equal(new AgentUnreadEvent(conversation.Id, 2, 2), await console.WaitFor<AgentUnreadEvent>());
            Assert.Equal(new QueueSizeEvent(3), await console.WaitFor<QueueSizeEvent>());
            Assert.Equal(mention, await console.WaitFor<MentionEvent>());
            Assert.Equal(4, (await console.WaitFor<AgentProfile>(p => p.Capacity == 4)).Capacity);
        }
    }

    [Fact]
    public async Task UpdatesOfConversationsNotAssignedToTheAgentAreNotPassedOn()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host);
        var console = await AgentSetup.SubscribeAsync(host, agent);

        await agent.ConversationChanged(AgentSetup.Conversation(agent, "someone-elses")).Within();
        await agent.QueueChanged(1).Within();

        await console.WaitFor<QueueSizeEvent>();
        Assert.Empty(console.All<ConversationView>());
    }

    [Fact]
    public async Task AnUnsubscribedConsoleHearsNothingMore()
    {
        await using var host = await DomainHost.StartAsync();
        var agent = await AgentSetup.NewAgentAsync(host);
        var recorder = new AgentEventRecorder();
        var observer = host.Grains.CreateObjectReference<IAgentObserver>(recorder);
        var other = await AgentSetup.SubscribeAsync(host, agent);
        await agent.Subscribe(observer).Within();

        await agent.Unsubscribe(observer).Within();
        await agent.QueueChanged(2).Within();

        await other.WaitFor<QueueSizeEvent>();
        Assert.Empty(recorder.All<QueueSizeEvent>());
    }
}
