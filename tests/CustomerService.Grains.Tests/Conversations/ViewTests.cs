using CustomerService.Grains.Conversations;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>What each participant's view holds, and how routing decisions reach it.</summary>
[Trait("Category", "Integration")]
public sealed class ViewTests
{
    [Fact]
    public async Task ARoutingDecisionOlderThanTheLastAppliedIsIgnored()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/stale-routing");
        await conversation.SendMessage(Visitor, Text("q")).Within();
        var newer = new Grains.Routing.RoutingOutcome("t1/stale-routing", RoutingState.Assigned, Agent, null, 0, 0, 1, 1000);
        var older = new Grains.Routing.RoutingOutcome("t1/stale-routing", RoutingState.Queued, null, null, 3, 90, 1, 999);

        await conversation.ApplyRouting(newer).Within();
        await conversation.ApplyRouting(older).Within();

        var view = await conversation.GetView(Agent).Within();
        Assert.Equal((RoutingState.Assigned, Agent.Id), (view.Routing, view.Assignee?.Id));
    }

    [Fact]
    public async Task TheVisitorsViewHoldsNoPrivateNoteAndAnotherVisitorGetsNoView()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/private-view");
        await conversation.SendMessage(Visitor, Text("q")).Within();
        await conversation.SendMessage(Agent, Text("public answer")).Within();
        await conversation.SendMessage(Agent, Text("internal note", isPrivate: true)).Within();

        Assert.Equal("public answer", (await conversation.GetView(Visitor).Within()).LastMessage?.Text);
        Assert.Equal("internal note", (await conversation.GetView(Agent).Within()).LastMessage?.Text);
        await Refused(ChatErrorCodes.Forbidden, () => conversation.GetView(OtherVisitor));
        await Refused(ChatErrorCodes.TooLarge, () => conversation.Typing(Visitor, true, new string('x', 8 * 1024 + 1)));
    }

    private static async Task Refused(string code, Func<Task> call) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<ChatException>(() => call().Within())).Code);
}
