using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Tests.Tenants;
using CustomerService.Runtime.Testing;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Routing;

/// <summary>What agents do with a routed conversation: accept, transfer, reassignment when unanswered, the bot when
/// nobody is online.</summary>
[Trait("Category", "Integration")]
public sealed class HandlingTests
{
    [Fact]
    public async Task AnAgentAcceptsAQueuedConversationBeyondItsCapacity()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "accept");
        var agent = await desk.HireAsync("Taker", capacity: 1);
        await desk.Conversation("c1").SendMessage(Visitor, Text("one")).Within();
        var waiting = desk.Conversation("c2");
        await waiting.SendMessage(OtherVisitor, Text("two")).Within();

        var view = await waiting.Accept(agent).Within();

        Assert.Equal((RoutingState.Assigned, agent.Id), (view.Routing, view.Assignee?.Id));
        Assert.Equal(["accept/c1", "accept/c2"], await desk.HeldBy(agent));
        Assert.Empty((await desk.Router.GetQueue().Within()).Waiting);
    }

    [Fact]
    public async Task ATransferToAnAgentMovesTheConversationAndTellsEveryone()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "transfer");
        var from = await desk.HireAsync("From");
        var conversation = desk.Conversation("c1");
        await conversation.SendMessage(Visitor, Text("help")).Within();
        var to = await desk.HireAsync("To", capacity: 1);
        await desk.Conversation("c2").SendMessage(OtherVisitor, Text("fills To")).Within();
        var widget = await desk.WatchAsync(conversation, Visitor);

        var view = await conversation.Transfer(from, new TransferTarget(to.Id, null)).Within();

        Assert.Equal((RoutingState.Assigned, to.Id), (view.Routing, view.Assignee?.Id));
        Assert.Equal(to.Id, (await widget.WaitFor<ConversationView>(v => v.Assignee?.Id == to.Id)).Assignee?.Id);
        Assert.Contains("Transferred to To", (await widget.WaitFor<ChatMessage>(m => m.Author.Kind == AuthorKind.System)).Text);
        await Eventually.True(async () => (await desk.HeldBy(from)).Length == 0);
        Assert.Equal(["transfer/c1", "transfer/c2"], await desk.HeldBy(to));
    }

    [Fact]
    public async Task ATransferToAGroupGoesToAFreeAgentOfThatGroupOrWaitsForOne()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "groups");
        await host.Grains.GetGrain<Grains.Tenants.ITenantGrain>("groups").SaveGroup(new Grains.Tenants.AgentGroup("billing", "Billing")).Within();
        var general = await desk.HireAsync("General");
        var conversation = desk.Conversation("c1");
        await conversation.SendMessage(Visitor, Text("billing question")).Within();

        var queued = await conversation.Transfer(general, new TransferTarget(null, "billing")).Within();
        var billing = await desk.HireAsync("Biller", groups: ["billing"]);

        Assert.Equal((RoutingState.Queued, "billing"), (queued.Routing, queued.Group));
        await Eventually.True(async () => (await conversation.GetView(general)).Assignee?.Id == billing.Id);
        Assert.Equal("billing", (await conversation.GetView(general).Within()).Group);
        Assert.Empty(await desk.HeldBy(general));
        // Another billing conversation goes to the billing agent too, never to the general one.
        var other = desk.Conversation("c2");
        await other.SendMessage(OtherVisitor, Text("also billing")).Within();
        await other.Transfer(general, new TransferTarget(null, "billing")).Within();
        Assert.Equal(billing.Id, (await other.GetView(general).Within()).Assignee?.Id);
    }

    [Fact]
    public async Task TransfersAndAcceptsAreValidated()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "refusals");
        var agent = await desk.HireAsync("Agent");
        var conversation = desk.Conversation("c1");
        await conversation.SendMessage(Visitor, Text("hi")).Within();
        var before = await conversation.GetView(agent).Within();

        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.Transfer(agent, new TransferTarget(null, null)));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.Transfer(agent, new TransferTarget("x", "y")));
        await Refused(ChatErrorCodes.TooLarge, () => conversation.Transfer(agent, new TransferTarget(new string('a', 101), null)));
        await Refused(ChatErrorCodes.NotFound, () => conversation.Transfer(agent, new TransferTarget("nobody", null)));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Transfer(Visitor, new TransferTarget(agent.Id, null)));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Accept(Visitor));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Accept(Bot));
        var other = await desk.HireAsync("Other");
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Accept(other));

        Assert.Equal(before, await conversation.GetView(agent).Within());
        await conversation.Close(agent).Within();
        await Refused(ChatErrorCodes.Closed, () => conversation.Accept(agent));
        await Refused(ChatErrorCodes.Closed, () => conversation.Transfer(agent, new TransferTarget(other.Id, null)));
    }

    [Fact]
    public async Task AConversationItsAgentLeavesUnansweredGoesToAnotherAgent()
    {
        var clock = new ManualTimeProvider();
        await using var host = await ConversationHost.StartAsync(clock);
        var desk = await Desk.OpenAsync(host, "unanswered", s => s with { Routing = s.Routing with { UnansweredReassignAfterSeconds = 30 } });
        var slow = await desk.HireAsync("Slow");
        var conversation = desk.Conversation("c1");
        await conversation.SendMessage(Visitor, Text("hello?")).Within();
        var fast = await desk.HireAsync("Fast");
        var widget = await desk.WatchAsync(conversation, Visitor);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(slow.Id, (await conversation.GetView(Visitor).Within()).Assignee?.Id);
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(fast.Id, (await widget.WaitFor<ConversationView>(v => v.Assignee?.Id == fast.Id)).Assignee?.Id);
        await Eventually.True(async () => (await desk.HeldBy(slow)).Length == 0);
        // Answered in time, it stays.
        await conversation.SendMessage(fast, Text("here I am")).Within();
        await conversation.SendMessage(Visitor, Text("great")).Within();
        await conversation.SendMessage(fast, Text("how can I help")).Within();
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(fast.Id, (await conversation.GetView(Visitor).Within()).Assignee?.Id);
    }

    [Fact]
    public async Task WithNobodyOnlineTheBotGreetsAndRepliesOnceAndTheFirstAgentOnlineGetsTheConversation()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "bot", s => s with { BotEnabled = true, Greeting = "Welcome!", OfflineMessage = "We are away." });
        var conversation = desk.Conversation("c1");

        await conversation.SendMessage(Visitor, Text("anyone there?")).Within();
        await conversation.SendMessage(Visitor, Text("hello?")).Within();

        var messages = await conversation.Resume(Visitor, 0, 50).Within();
        Assert.Equal(["anyone there?", "Welcome!", "We are away.", "hello?"], messages.Select(m => m.Text));
        Assert.Equal([AuthorKind.Visitor, AuthorKind.Bot, AuthorKind.Bot, AuthorKind.Visitor], messages.Select(m => m.Author.Kind));
        Assert.Equal(RoutingState.Bot, (await conversation.GetView(Visitor).Within()).Routing);
        var agent = await desk.HireAsync("Late");
        await Eventually.True(async () => (await conversation.GetView(Visitor)).Assignee?.Id == agent.Id);
    }

    private static async Task Refused(string code, Func<Task> call) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<ChatException>(() => call().Within())).Code);
}
