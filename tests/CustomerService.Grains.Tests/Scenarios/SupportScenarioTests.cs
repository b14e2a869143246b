using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tests.Conversations;
using static CustomerService.Grains.Tests.Conversations.People;

using CustomerService.Grains.Tests.Agents;

namespace CustomerService.Grains.Tests.Scenarios;

/// <summary>Whole support journeys through every grain: tenant, visitor, router, agents and conversation together, as
/// the web front-end drives them.</summary>
public sealed class SupportScenarioTests
{
    [Fact]
    public async Task AVisitorIsQueuedServedTransferredResolvedAndRates()
    {
        await using var host = await SupportHost.StartAsync();
        var (vera, conversation, widget, conversationKey) = await host.VisitorAsync("v-journey", "Vera");

        // Nobody online: the first message is stored and the visitor waits first in line.
        var first = await conversation.SendMessage(vera, Text("my order is late")).Within();
        Assert.Equal(1, first.Seq);
        Assert.Equal(1, (await widget.WaitFor<QueueEvent>(q => q.Position == 1)).Position);
        Assert.Equal(RoutingState.Queued, (await conversation.GetView(vera).Within()).Routing);

        // Alice comes online and gets it.
        var (alice, aliceGrain, aliceEvents) = await host.AgentOnlineAsync("Alice");
        var assigned = await aliceEvents.WaitFor<Assigned>();
        Assert.Equal(conversationKey, assigned.Conversation.Id);
        await widget.WaitFor<ConversationView>(v => v.Assignee?.Id == alice.Id);
        Assert.Equal(0, (await widget.WaitFor<QueueEvent>(q => q.Position == 0)).Position);
        var view = await SupportHost.EventuallyAsync(() => conversation.GetView(alice), v => v.Routing == RoutingState.Assigned);
        Assert.Equal(alice.Id, view.Assignee?.Id);
        Assert.Equal(1, view.Unread);
        await SupportHost.EventuallyAsync(() => aliceGrain.GetUnreadTotal(), total => total == 1);

        // Messages both ways, read receipts and unread counts on both sides.
        await conversation.MarkRead(alice, 1).Within();
        Assert.Equal(1, (await widget.WaitFor<ReadEvent>(r => r.Participant.Id == alice.Id)).Seq);
        await SupportHost.EventuallyAsync(() => aliceGrain.GetUnreadTotal(), total => total == 0);
        var reply = await conversation.SendMessage(alice, Text("sorry! checking now")).Within();
        Assert.Equal("sorry! checking now", (await widget.WaitFor<ChatMessage>(m => m.Seq == reply.Seq)).Text);
        Assert.Equal(1, await conversation.GetUnread(vera).Within());
        await conversation.MarkRead(vera, reply.Seq).Within();
        Assert.Equal(0, await conversation.GetUnread(vera).Within());
        await conversation.SendMessage(vera, Text("thanks")).Within();
        await aliceEvents.WaitFor<AgentUnreadEvent>(u => u.Count == 1 && u.Total == 1);

        // Transfer to Bob: he is assigned, Alice is freed.
        var (bob, bobGrain, bobEvents) = await host.AgentOnlineAsync("Bob");
        var transferred = await conversation.Transfer(alice, new TransferTarget(bob.Id, null)).Within();
        Assert.Equal(bob.Id, transferred.Assignee?.Id);
        await bobEvents.WaitFor<Assigned>(a => a.Conversation.Id == conversationKey);
        await SupportHost.EventuallyAsync(() => aliceGrain.GetConversations(), list => list.IsEmpty);
        Assert.Contains(await bobGrain.GetConversations().Within(), c => c.ConversationId == conversationKey);

        // Bob answers and resolves; the visitor rates.
        await conversation.SendMessage(bob, Text("it ships today")).Within();
        await conversation.Close(bob).Within();
        await widget.WaitFor<ConversationView>(v => v.Status == ConversationStatus.Resolved);
        await conversation.Rate(vera, 5, "quick and kind").Within();
        var done = await conversation.GetView(bob).Within();
        Assert.Equal(new ConversationRating(5, "quick and kind"), done.Rating);
        Assert.NotNull(done.FirstResponseAt);
        Assert.NotNull(done.ResolvedAt);
        Assert.True(done.ResolvedAt >= done.FirstResponseAt);
        await SupportHost.EventuallyAsync(() => bobGrain.GetConversations(), list => list.IsEmpty);
    }

    [Fact]
    public async Task AReturningVisitorGoesBackToTheirPreviousAgentEvenWhenAnotherIsLessLoaded()
    {
        await using var host = await SupportHost.StartAsync(sticky: true);
        var (alice, _, aliceEvents) = await host.AgentOnlineAsync("Alice");
        var (vera, conversation, _, conversationKey) = await host.VisitorAsync("v-sticky", "Vera");
        await conversation.SendMessage(vera, Text("hello")).Within();
        await aliceEvents.WaitFor<Assigned>();
        await conversation.Close(alice).Within();

        // Bob comes online with no load; Alice takes another visitor, so she is the more loaded one.
        var (_, _, bobEvents) = await host.AgentOnlineAsync("Bob");
        var (otto, other, _, otherKey) = await host.VisitorAsync("v-other", "Otto");
        await other.SendMessage(otto, Text("hi")).Within();
        await SupportHost.EventuallyAsync(() => other.GetView(otto), v => v.Routing == RoutingState.Assigned);

        await conversation.SendMessage(vera, Text("me again")).Within();

        var back = await SupportHost.EventuallyAsync(() => conversation.GetView(vera), v => v.Routing == RoutingState.Assigned);
        Assert.Equal(alice.Id, back.Assignee?.Id);
        Assert.Equal(ConversationStatus.Open, back.Status);
    }

    [Fact]
    public async Task AnAgentAtCapacityGetsNoMoreUntilOneIsResolved()
    {
        await using var host = await SupportHost.StartAsync();
        var (alice, _, aliceEvents) = await host.AgentOnlineAsync("Alice", capacity: 1);
        var (vera, first, _, firstKey) = await host.VisitorAsync("v-cap-1", "Vera");
        var (otto, second, ottoWidget, secondKey) = await host.VisitorAsync("v-cap-2", "Otto");

        await first.SendMessage(vera, Text("one")).Within();
        await aliceEvents.WaitFor<Assigned>(a => a.Conversation.Id == firstKey);
        await second.SendMessage(otto, Text("two")).Within();
        Assert.Equal(1, (await ottoWidget.WaitFor<QueueEvent>(q => q.Position == 1)).Position);
        Assert.Equal(RoutingState.Queued, (await second.GetView(otto).Within()).Routing);

        await first.Close(alice).Within();

        await aliceEvents.WaitFor<Assigned>(a => a.Conversation.Id == secondKey);
        var served = await SupportHost.EventuallyAsync(() => second.GetView(otto), v => v.Routing == RoutingState.Assigned);
        Assert.Equal(alice.Id, served.Assignee?.Id);
    }

    [Fact]
    public async Task AnAgentGoingOfflineRequeuesTheirConversationsForTheNextAgent()
    {
        await using var host = await SupportHost.StartAsync();
        var (alice, aliceGrain, aliceEvents) = await host.AgentOnlineAsync("Alice");
        var (vera, conversation, _, conversationKey) = await host.VisitorAsync("v-offline", "Vera");
        await conversation.SendMessage(vera, Text("hello?")).Within();
        await aliceEvents.WaitFor<Assigned>();

        await aliceGrain.SetStatus(AgentStatus.Offline).Within();

        await SupportHost.EventuallyAsync(() => conversation.GetView(vera), v => v.Routing == RoutingState.Queued && v.Assignee is null);
        var (bob, _, bobEvents) = await host.AgentOnlineAsync("Bob");
        await bobEvents.WaitFor<Assigned>(a => a.Conversation.Id == conversationKey);
        var view = await SupportHost.EventuallyAsync(() => conversation.GetView(vera), v => v.Routing == RoutingState.Assigned);
        Assert.Equal(bob.Id, view.Assignee?.Id);
        Assert.NotEqual(alice.Id, view.Assignee?.Id);
    }

    [Fact]
    public async Task AGroupTransferWaitsForAnAgentOfThatGroup()
    {
        await using var host = await SupportHost.StartAsync();
        await host.TenantGrain.SaveGroup(new CustomerService.Grains.Tenants.AgentGroup("billing", "Billing")).Within();
        var (alice, _, aliceEvents) = await host.AgentOnlineAsync("Alice");
        var (vera, conversation, _, conversationKey) = await host.VisitorAsync("v-group", "Vera");
        await conversation.SendMessage(vera, Text("refund please")).Within();
        await aliceEvents.WaitFor<Assigned>();

        var moved = await conversation.Transfer(alice, new TransferTarget(null, "billing")).Within();
        Assert.Equal("billing", moved.Group);
        Assert.NotEqual(alice.Id, moved.Assignee?.Id);

        var (carol, _, carolEvents) = await host.AgentOnlineAsync("Carol", 3, "billing");
        await carolEvents.WaitFor<Assigned>(a => a.Conversation.Id == conversationKey);
        var view = await SupportHost.EventuallyAsync(() => conversation.GetView(vera), v => v.Routing == RoutingState.Assigned);
        Assert.Equal(carol.Id, view.Assignee?.Id);
    }

    [Fact]
    public async Task WithTheBotOnAndNobodyOnlineTheVisitorGetsTheGreetingAndTheOfflineReply()
    {
        await using var host = await SupportHost.StartAsync(bot: true);
        var (vera, conversation, widget, conversationKey) = await host.VisitorAsync("v-bot", "Vera");

        await conversation.SendMessage(vera, Text("anyone there?")).Within();

        var botMessage = await widget.WaitFor<ChatMessage>(m => m.Author.Kind == AuthorKind.Bot && m.Text.Contains("offline", StringComparison.Ordinal));
        Assert.True(botMessage.Seq > 1);
        Assert.Equal(RoutingState.Bot, (await SupportHost.EventuallyAsync(() => conversation.GetView(vera), v => v.Routing == RoutingState.Bot)).Routing);

        // The first agent online still gets the conversation.
        var (_, _, aliceEvents) = await host.AgentOnlineAsync("Alice");
        await aliceEvents.WaitFor<Assigned>(a => a.Conversation.Id == conversationKey);
    }

    [Fact]
    public async Task ConcurrentSendsFromBothSidesGetDistinctSeqsInOneOrderForEveryone()
    {
        await using var host = await SupportHost.StartAsync();
        var (alice, _, aliceEvents) = await host.AgentOnlineAsync("Alice");
        var (vera, conversation, _, conversationKey) = await host.VisitorAsync("v-order", "Vera");
        await conversation.SendMessage(vera, Text("start")).Within();
        await aliceEvents.WaitFor<Assigned>();

        var sends = Enumerable.Range(0, 20).Select(i => conversation.SendMessage(i % 2 == 0 ? vera : alice, Text($"m{i}")));
        var acks = await Task.WhenAll(sends).Within();

        Assert.Equal(Enumerable.Range(2, 20).Select(i => (long)i), acks.Select(a => a.Seq).Order());
        var history = await conversation.GetHistory(vera, null, 50).Within();
        Assert.Equal(history.Select(m => m.Seq).Order(), history.Select(m => m.Seq));
        Assert.Equal(21, history.Length);
    }
}
