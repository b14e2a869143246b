using CustomerService.Grains.Conversations;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>The tenant's list as the conversation grains keep it, and history search.</summary>
[Trait("Category", "Integration")]
public sealed class ConversationListTests
{
    [Fact]
    public async Task TheListShowsEachConversationsStatusLabelsAndLastMessage()
    {
        await using var host = await ConversationHost.StartAsync();
        var first = host.Grains.GetGrain<IConversationGrain>("list/c1");
        var second = host.Grains.GetGrain<IConversationGrain>("list/c2");
        await first.SendMessage(Visitor, Text("refund please")).Within();
        await second.SendMessage(OtherVisitor, Text("where is my parcel")).Within();
        await first.AddLabel(Agent, "billing").Within();
        await second.Close(Agent).Within();
        var list = host.Grains.GetGrain<IConversationListGrain>("list");

        var all = await list.List(new ConversationQuery(null, null, false, null, null, 10)).Within();
        var resolved = await list.List(new ConversationQuery(ConversationStatus.Resolved, null, false, null, null, 10)).Within();
        var labelled = await list.List(new ConversationQuery(null, null, false, "BILLING", null, 10)).Within();

        Assert.Equal(["list/c2", "list/c1"], all.Select(v => v.Id));
        Assert.Equal(["list/c2"], resolved.Select(v => v.Id));
        var c1 = Assert.Single(labelled);
        Assert.Equal(("refund please", "Vera", RoutingState.Queued), (c1.LastMessage?.Text, c1.Visitor?.Name, c1.Routing));
        Assert.Equal(["list/c1"], (await list.List(new ConversationQuery(null, null, true, null, null, 10)).Within()).Select(v => v.Id));
    }

    [Fact]
    public async Task SearchFindsMessagesOfTheTenantIncludingPrivateNotesAndRefusesBadArguments()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("search/c1");
        await conversation.SendMessage(Visitor, Text("my invoice is wrong")).Within();
        await conversation.SendMessage(Agent, Text("invoice issue, see ticket", isPrivate: true)).Within();
        var list = host.Grains.GetGrain<IConversationListGrain>("search");

        var found = await list.Search("invoice", 10).Within();

        Assert.Equal(2, found.Length);
        Assert.Contains(found, m => m.Private);
        Assert.Equal(ChatErrorCodes.InvalidArgument, (await Assert.ThrowsAsync<ChatException>(() => list.Search("", 10).Within())).Code);
        Assert.Equal(ChatErrorCodes.InvalidArgument, (await Assert.ThrowsAsync<ChatException>(() => list.Search("x", 0).Within())).Code);
        Assert.Equal(ChatErrorCodes.InvalidArgument, (await Assert.ThrowsAsync<ChatException>(() =>
            list.List(new ConversationQuery(null, null, false, null, null, 500)).Within())).Code);
    }
}
