using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Tests.Tenants;
using CustomerService.Runtime.Testing;
using static CustomerService.Grains.Tests.Conversations.People;

using CustomerService.Grains.Tests.Agents;

namespace CustomerService.Grains.Tests.Routing;

/// <summary>The router's policy through real tenant, agent, router and conversation grains.</summary>
[Trait("Category", "Integration")]
public sealed class AssignmentTests
{
    [Fact]
    public async Task AFirstVisitorMessageGoesToTheLeastLoadedOnlineAgent()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "least");
        var busy = await desk.HireAsync("Busy", capacity: 3);
        await desk.Conversation("c0").SendMessage(Visitor, Text("first")).Within();
        var idle = await desk.HireAsync("Idle", capacity: 3);
        var inbox = await desk.InboxAsync(idle);

        await desk.Conversation("c1").SendMessage(OtherVisitor, Text("hello")).Within();

        var view = await desk.Conversation("c1").GetView(idle).Within();
        Assert.Equal((RoutingState.Assigned, idle.Id), (view.Routing, view.Assignee?.Id));
        Assert.Equal(["least/c0"], await desk.HeldBy(busy));
        Assert.Equal("least/c1", (await inbox.WaitFor<Assigned>()).Conversation.Id);
    }

    [Fact]
    public async Task BetweenEquallyLoadedAgentsTheOneIdleLongestGetsTheConversation()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "idle");
        var first = await desk.HireAsync("First");
        var second = await desk.HireAsync("Second");
        var c1 = desk.Conversation("c1");
        await c1.SendMessage(Visitor, Text("one")).Within();
        var busiedAgent = (await c1.GetView(Visitor).Within()).Assignee!.Id;
        await c1.Close(first).Within();

        await desk.Conversation("c2").SendMessage(OtherVisitor, Text("two")).Within();

        // Both have nothing now; the one that never had a conversation has been idle longest.
        var other = busiedAgent == first.Id ? second.Id : first.Id;
        Assert.Equal(other, (await desk.Conversation("c2").GetView(OtherVisitor).Within()).Assignee?.Id);
    }

    [Fact]
    public async Task AConversationWaitsWhileEveryAgentIsAtCapacityAndGoesToTheFirstOneOnline()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "capacity");
        var alice = await desk.HireAsync("Alice", capacity: 1);
        var bob = await desk.HireAsync("Bob", capacity: 1, online: false);
        await desk.Conversation("c1").SendMessage(Visitor, Text("one")).Within();
        var waiting = desk.Conversation("c2");
        await waiting.SendMessage(OtherVisitor, Text("two")).Within();
        var widget = await desk.WatchAsync(waiting, OtherVisitor);

        var queued = await waiting.GetView(OtherVisitor).Within();
        await desk.OnlineAsync(bob);

        Assert.Equal((RoutingState.Queued, null), (queued.Routing, queued.Assignee));
        var assigned = await widget.WaitFor<ConversationView>(v => v.Routing == RoutingState.Assigned);
        Assert.Equal(bob.Id, assigned.Assignee?.Id);
        Assert.Equal(0, (await widget.WaitFor<QueueEvent>(q => q.Position == 0)).Position);
        Assert.Equal(["capacity/c1"], await desk.HeldBy(alice));
        Assert.Equal(["capacity/c2"], await desk.HeldBy(bob));
        Assert.Empty((await desk.Router.GetQueue().Within()).Waiting);
    }

    [Fact]
    public async Task AResolvedConversationReopenedByItsVisitorGoesBackToItsPreviousAgent()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "sticky");
        var first = await desk.HireAsync("First", capacity: 5);
        var conversation = desk.Conversation("c1");
        await conversation.SendMessage(Visitor, Text("hi")).Within();
        await conversation.SendMessage(first, Text("hello")).Within();
        await conversation.Close(first).Within();
        // Another agent comes online with nothing to do: least-loaded would pick either; sticky picks the first.
        await desk.Conversation("c2").SendMessage(OtherVisitor, Text("someone else")).Within();
        var second = await desk.HireAsync("Second", capacity: 5);

        await conversation.SendMessage(Visitor, Text("one more question")).Within();

        var view = await conversation.GetView(Visitor).Within();
        Assert.Equal((ConversationStatus.Open, RoutingState.Assigned, first.Id), (view.Status, view.Routing, view.Assignee?.Id));
        Assert.DoesNotContain("sticky/c1", await desk.HeldBy(second));
        // Its agent holds it again, with the two visitor messages it has not read.
        await Eventually.True(async () => (await desk.Agent(first).GetConversations()).Any(c => c.ConversationId == "sticky/c1" && c.Unread == 2));
    }

    [Fact]
    public async Task AnAgentGoingOfflineSendsItsConversationsBackToTheFrontOfTheQueue()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "offline");
        var leaving = await desk.HireAsync("Leaving", capacity: 1);
        var held = desk.Conversation("held");
        await held.SendMessage(Visitor, Text("mine")).Within();
        await desk.Conversation("later").SendMessage(OtherVisitor, Text("waiting")).Within();
        var widget = await desk.WatchAsync(held, Visitor);

        await desk.Agent(leaving).SetStatus(AgentStatus.Offline).Within();

        var requeued = await widget.WaitFor<ConversationView>(v => v.Routing == RoutingState.Queued);
        Assert.Null(requeued.Assignee);
        Assert.Equal(1, (await widget.WaitFor<QueueEvent>(q => q.Position > 0)).Position);
        await Eventually.True(async () => (await desk.Router.GetQueue()).Waiting.Length == 2);
        Assert.Equal(["offline/held", "offline/later"], (await desk.Router.GetQueue().Within()).Waiting.Select(w => w.ConversationId));
        Assert.Empty(await desk.HeldBy(leaving));
        var next = await desk.HireAsync("Next", capacity: 1);
        Assert.Equal(next.Id, (await widget.WaitFor<ConversationView>(v => v.Routing == RoutingState.Assigned)).Assignee?.Id);
    }

    [Fact]
    public async Task ARemovedAgentsConversationsGoToAnotherAgent()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "removed");
        var leaving = await desk.HireAsync("Leaving");
        var conversation = desk.Conversation("c1");
        await conversation.SendMessage(Visitor, Text("hi")).Within();
        var staying = await desk.HireAsync("Staying");

        await host.Grains.GetGrain<Grains.Tenants.ITenantGrain>("removed").RemoveAgent(leaving.Id).Within();

        await Eventually.True(async () => (await conversation.GetView(Visitor)).Assignee?.Id == staying.Id);
        Assert.Equal(["removed/c1"], await desk.HeldBy(staying));
    }

    [Fact]
    public async Task WaitingVisitorsAreToldTheirPlaceAndItMovesUpAsTheQueueMoves()
    {
        var clock = new ManualTimeProvider();
        await using var host = await ConversationHost.StartAsync(clock);
        var desk = await Desk.OpenAsync(host, "positions");
        var agent = await desk.HireAsync("Solo", capacity: 1);
        await desk.Conversation("c0").SendMessage(Visitor, Text("taken")).Within();
        var first = desk.Conversation("c1");
        var second = desk.Conversation("c2");
        var agentInbox = await desk.InboxAsync(agent);
        await first.SendMessage(new Participant(AuthorKind.Visitor, "v-3", "Val"), Text("q")).Within();
        var firstWidget = await desk.WatchAsync(first, new Participant(AuthorKind.Visitor, "v-3", "Val"));
        await second.SendMessage(OtherVisitor, Text("q")).Within();
        var secondWidget = await desk.WatchAsync(second, OtherVisitor);

        var place = await second.GetView(OtherVisitor).Within();
        clock.Advance(TimeSpan.FromSeconds(30));
        await desk.Conversation("c0").Close(agent).Within();

        Assert.Equal(RoutingState.Queued, place.Routing);
        Assert.Equal(0, (await firstWidget.WaitFor<QueueEvent>(q => q.Position == 0)).Position);
        var moved = await secondWidget.WaitFor<QueueEvent>(q => q.Position == 1);
        // One wait of 30 s measured, one agent online, first in line: 30 s.
        Assert.Equal(30, moved.EstimatedWaitSeconds);
        Assert.Equal(1, (await agentInbox.WaitFor<QueueSizeEvent>(q => q.Waiting == 1)).Waiting);
    }

    [Fact]
    public async Task TheRouterKeepsItsQueueAcrossAReactivation()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "durable");
        await desk.Conversation("c1").SendMessage(Visitor, Text("anyone?")).Within();

        var other = await host.StartSecondSiloAsync();

        var queue = await other.GetGrain<Grains.Routing.IRouterGrain>("durable").GetQueue().Within();
        Assert.Equal(["durable/c1"], queue.Waiting.Select(w => w.ConversationId));
        Assert.Equal(0, queue.AgentsOnline);
    }
}
