using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Routing;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Tests.Tenants;
using CustomerService.Runtime.Testing;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Routing;

/// <summary>What the router keeps and when it writes it: only open work, once per call that changed it, and
/// enough to be right after a crash (<see cref="DomainHost.ReactivateAsync"/> kills the silo: nothing written on the
/// way down).</summary>
[Trait("Category", "Integration")]
public sealed class RouterStateTests
{
    [Fact]
    public async Task TheRoutersStateStaysBoundedOverManyResolveCycles()
    {
        await using var host = await DomainHost.StartAsync();
        var desk = await Desk.OpenAsync(host.Grains, "bounded");
        var agent = await desk.HireAsync("Alice", capacity: 2);
        var sizes = new List<int>();

        for (var cycle = 0; cycle < 30; cycle++)
        {
            var conversation = desk.Conversation($"c{cycle}");
            await conversation.SendMessage(new Participant(AuthorKind.Visitor, $"v{cycle}", "Vera"), Text("hello")).Within();
            await conversation.SendMessage(agent, Text("hi")).Within();
            await conversation.Close(agent).Within();
            sizes.Add(host.LastWrittenBytes("router"));
        }

        await Eventually.True(async () => (await desk.HeldBy(agent)).Length == 0);
        // Resolved conversations leave the router: what it writes after the 30th cycle is what it wrote after the 5th.
        Assert.InRange(sizes[^1], 1, sizes[4] + 16);
        Assert.Empty((await desk.Router.GetQueue().Within()).Waiting);
    }

    [Fact]
    public async Task DecisionsThatChangeNothingDurableAreNotWritten()
    {
        await using var host = await DomainHost.StartAsync();
        var desk = await Desk.OpenAsync(host.Grains, "quiet");
        var agent = await desk.HireAsync("Alice", capacity: 3);
        var conversation = desk.Conversation("c1");
        await conversation.SendMessage(Visitor, Text("hello")).Within();
        await Eventually.True(async () => (await desk.HeldBy(agent)).Length == 1);
        // The agent's report of the assignment reaches the router before this.
        await desk.Router.GetQueue().Within();
        var before = host.Writes("router");

        // Accepting what it already has and asking again decide nothing new.
        await conversation.Accept(agent).Within();
        await desk.Router.Enqueue(new RoutingRequest("quiet/c1", Visitor, null, null)).Within();
        await desk.Router.GetQueue().Within();
        Assert.Equal(before, host.Writes("router"));

        // A new assignment is one write; the agent's report echoing it is none.
        await desk.Conversation("c2").SendMessage(OtherVisitor, Text("me too")).Within();
        await Eventually.True(async () => (await desk.HeldBy(agent)).Length == 2);
        await desk.Router.GetQueue().Within();
        Assert.Equal(before + 1, host.Writes("router"));
    }

    [Fact]
    public async Task AgentsComingOnlineToAFullQueueCostOneWriteEach()
    {
        await using var host = await DomainHost.StartAsync();
        var desk = await Desk.OpenAsync(host.Grains, "drain");
        var agent = await desk.HireAsync("Alice", capacity: 10, online: false);
        for (var i = 0; i < 8; i++)
            await desk.Conversation($"c{i}").SendMessage(new Participant(AuthorKind.Visitor, $"v{i}", "Vera"), Text("waiting")).Within();
        var before = host.Writes("router");

        await desk.Agent(agent).Connect("tab-1").Within();
        await desk.Agent(agent).SetStatus(AgentStatus.Online).Within();
        await Eventually.True(async () => (await desk.Router.GetQueue()).Waiting.Length == 0);
        await Eventually.True(async () => (await desk.HeldBy(agent)).Length == 8);
        await Eventually.True(async () => (await desk.Conversation("c7").GetView(agent)).Routing == RoutingState.Assigned);

        // One write for the presence report that drained all eight (the agent's later echo changes nothing).
        Assert.Equal(before + 1, host.Writes("router"));
    }

    [Fact]
    public async Task AQueuedConversationSurvivesARouterCrashAndGoesToTheFirstAgentOnline()
    {
        await using var host = await DomainHost.StartAsync();
        var desk = await Desk.OpenAsync(host.Grains, "crash");
        var alice = await desk.HireAsync("Alice", capacity: 1, online: false);
        var waiting = desk.Conversation("waiting");
        await waiting.SendMessage(Visitor, Text("anyone?")).Within();

        var after = desk.On(await host.ReactivateAsync());

        Assert.Equal(["crash/waiting"], (await after.Router.GetQueue().Within()).Waiting.Select(w => w.ConversationId));
        await after.OnlineAsync(alice);
        await Eventually.True(async () => (await after.Conversation("waiting").GetView(Visitor)).Assignee?.Id == alice.Id);
        Assert.Equal(["crash/waiting"], await after.HeldBy(alice));
    }

    [Fact]
    public async Task AfterARouterCrashItsDecisionsStillOutrankWhatConversationsHeardBefore()
    {
        await using var host = await DomainHost.StartAsync();
        var desk = await Desk.OpenAsync(host.Grains, "versions");
        var bob = await desk.HireAsync("Bob", capacity: 2, online: false);
        var first = desk.Conversation("first");
        await first.SendMessage(Visitor, Text("one")).Within();
        await desk.Conversation("second").SendMessage(OtherVisitor, Text("two")).Within();
        var tom = new Participant(AuthorKind.Visitor, "v-3", "Tom");
        var third = desk.Conversation("third");
        await third.SendMessage(tom, Text("three")).Within();
        var widget = await desk.WatchAsync(third, tom);
        // The first leaves the queue: the others hear their new places, decisions no state write has to follow.
        await first.Close(new Participant(AuthorKind.System, "system", "System")).Within();
        await widget.WaitFor<QueueEvent>(q => q.Position == 2);

        var after = desk.On(await host.ReactivateAsync());
        await after.OnlineAsync(bob);

        // Bob's decisions come from a new activation; the waiting conversations must not take them for old ones.
        await Eventually.True(async () => (await after.Conversation("third").GetView(bob)).Assignee?.Id == bob.Id);
        Assert.Equal(bob.Id, (await after.Conversation("second").GetView(bob).Within()).Assignee?.Id);
        Assert.Equal(["versions/second", "versions/third"], await after.HeldBy(bob));
    }

    [Fact]
    public async Task AResolvedConversationTheRouterStillHoldsIsReleasedWhenTheRouterNextTellsIt()
    {
        await using var host = await DomainHost.StartAsync();
        var desk = await Desk.OpenAsync(host.Grains, "lost");
        var resolved = desk.Conversation("resolved");
        await resolved.SendMessage(Visitor, Text("hello")).Within();
        await resolved.Close(new Participant(AuthorKind.System, "system", "System")).Within();
        // As if the release had been lost: the router queues the resolved conversation again.
        await desk.Router.Enqueue(new RoutingRequest("lost/resolved", Visitor, null, null)).Within();
        var other = desk.Conversation("other");
        await other.SendMessage(OtherVisitor, Text("me too")).Within();

        // The queue moves (the other conversation leaves it) and tells the resolved one its place: it lets go.
        await other.Close(new Participant(AuthorKind.System, "system", "System")).Within();

        await Eventually.True(async () => (await desk.Router.GetQueue()).Waiting.Length == 0);
        Assert.Equal(ConversationStatus.Resolved, (await resolved.GetView(Visitor).Within()).Status);
    }
}
