using CustomerService.Grains.Conversations;
using CustomerService.Grains.Messages;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>Outcomes of the message store that only a race or a lost connection produce, played by a script.</summary>
[Trait("Category", "Integration")]
public sealed class StoreOutcomeTests
{
    [Fact]
    public async Task WhenOtherActivationsKeepTakingTheSeqTheSendGivesUpWithConflictAfterBoundedRetries()
    {
        ScriptedMessageStore store = null!;
        await using var host = await ConversationHost.StartAsync(
            configure: o => o.MaxSeqRetries = 3,
            wrapStore: inner => store = new ScriptedMessageStore(inner));
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/contended");
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        for (var i = 0; i < 4; i++) store.Then(m => Task.FromResult<AppendResult>(new AppendResult.SeqConflict(m.Seq)));
        var appendsBefore = store.Appends;

        var refused = await Assert.ThrowsAsync<ChatException>(() => conversation.SendMessage(Visitor, Text("q2")).Within());

        Assert.Equal(ChatErrorCodes.Conflict, refused.Code);
        Assert.Equal(4, store.Appends - appendsBefore);
        Assert.Equal(1, await store.Inner.GetMaxSeqAsync("t1/contended").Within());
        Assert.Equal(1, await conversation.GetUnread(Agent).Within());
    }

    [Fact]
    public async Task AMessageTheStoreReportsAsADuplicateOfItsOwnSeqIsCountedAndDeliveredLikeAStoredOne()
    {
        ScriptedMessageStore store = null!;
        await using var host = await ConversationHost.StartAsync(wrapStore: inner => store = new ScriptedMessageStore(inner));
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/written-twice");
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        var console = new EventRecorder();
        await conversation.Subscribe(Agent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();
        // The store's first attempt committed, the connection broke before it said so, and its second attempt found
        // the client message id taken: it reports a Duplicate of the very message this send proposed.
        store.Then(async m => await store.Inner.AppendAsync(m) is AppendResult.Stored s ? new AppendResult.Duplicate(s.Ack) : throw new InvalidOperationException());

        var ack = await conversation.SendMessage(Visitor, Text("q2")).Within();

        Assert.Equal(2, ack.Seq);
        Assert.Equal(ack, (await console.WaitFor<ChatMessage>()).ToAck());
        Assert.Equal(2, await conversation.GetUnread(Agent).Within());
    }
}
