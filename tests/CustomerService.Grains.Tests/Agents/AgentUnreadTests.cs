using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Tests.Routing;
using CustomerService.Grains.Tests.Tenants;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Agents;

/// <summary>The agent's unread figures are derived from its conversations' read state: kept in memory, not written on
/// every message, and rebuilt from the conversations when the agent grain activates again.</summary>
[Trait("Category", "Integration")]
public sealed class AgentUnreadTests
{
    [Fact]
    public async Task VisitorMessagesChangeTheAgentsUnreadWithoutWritingItsState()
    {
        await using var host = await DomainHost.StartAsync();
        var desk = await Desk.OpenAsync(host.Grains, "unread");
        var alice = await desk.HireAsync("Alice", capacity: 2);
        var conversation = desk.Conversation("c1");
        await conversation.SendMessage(Visitor, Text("one")).Within();
        await Eventually.True(async () => await desk.Agent(alice).GetUnreadTotal() == 1);
        var before = host.Writes("agent");

        await conversation.SendMessage(Visitor, Text("two")).Within();
        await conversation.SendMessage(Visitor, Text("three")).Within();

        await Eventually.True(async () => await desk.Agent(alice).GetUnreadTotal() == 3);
        Assert.Equal(before, host.Writes("agent"));
    }

    [Fact]
    public async Task AfterACrashTheAgentsUnreadIsRebuiltFromItsConversations()
    {
        await using var host = await DomainHost.StartAsync();
        var desk = await Desk.OpenAsync(host.Grains, "rebuilt");
        var alice = await desk.HireAsync("Alice", capacity: 3);
        var read = desk.Conversation("read");
        var unread = desk.Conversation("unread");
        await read.SendMessage(Visitor, Text("hello")).Within();
        await unread.SendMessage(OtherVisitor, Text("one")).Within();
        await unread.SendMessage(OtherVisitor, Text("two")).Within();
        await read.SendMessage(Visitor, Text("again")).Within();
        await read.MarkRead(alice, 2).Within();
        await unread.SendMessage(OtherVisitor, Text("three")).Within();
        await Eventually.True(async () => await desk.Agent(alice).GetUnreadTotal() == 3);

        // Killed: nothing written on the way down, and the agent wrote no unread count since its assignments.
        var after = desk.On(await host.ReactivateAsync());

        await Eventually.True(async () => await after.Agent(alice).GetUnreadTotal() == 3);
        var held = await after.Agent(alice).GetConversations().Within();
        Assert.Equal([("rebuilt/read", 0L), ("rebuilt/unread", 3L)], held.Select(c => (c.ConversationId, c.Unread)));
    }
}
