using System.Collections.Immutable;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Crdt;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>A message is acknowledged and delivered once the message store committed it; the conversation's state
/// follows later, and a new activation folds the messages its state does not hold yet back in from the store.</summary>
[Trait("Category", "Integration")]
public sealed class UnwrittenTailTests
{
    private const string StateName = "conversation";

    [Fact]
    public async Task MessagesAreAcknowledgedAndDeliveredWhileTheConversationsStateWriteIsHeld()
    {
        HeldStateStorage? storage = null;
        await using var host = await ConversationHost.StartAsync(wrapStorage: s => storage = new HeldStateStorage(s, "conversation"));
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/held");
        await conversation.SendMessage(Visitor, Text("hello")).Within();
        var console = new EventRecorder();
        await conversation.Subscribe(Agent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();

        storage!.Hold();
        try
        {
            var reply = await conversation.SendMessage(Agent, Text("hi")).Within(5);
            var next = await conversation.SendMessage(Visitor, Text("a question")).Within(5);

            Assert.Equal((2, 3), (reply.Seq, next.Seq));
            await console.WaitFor<ChatMessage>(m => m.Seq == 3).Within(5);
            Assert.Equal(0, storage.HeldWrites);
        }
        finally
        {
            storage.Release();
        }
    }

    [Fact]
    public async Task ANewActivationKnowsEveryMessageItsPredecessorStoredButNeverWroteIntoItsState()
    {
        HeldStateStorage? storage = null;
        await using var host = await ConversationHost.StartAsync(wrapStorage: s => storage = new HeldStateStorage(s, "conversation"));
        var first = host.Grains.GetGrain<IConversationGrain>("t1/tail");
        await first.SendMessage(Visitor, Text("v1")).Within();
        await first.SendMessage(Agent, Text("a1")).Within();
        await first.SendMessage(Visitor, Text("v2")).Within();
        await first.SendMessage(Visitor, Text("v3")).Within();
        Assert.True((await storage!.StoredAsync<ConversationState>(StateName, "t1/tail")).LastSeq < 4, "the tail was written per message");

        // A second silo over the same storage activates it afresh, as after the first silo died.
        var second = (await host.StartSecondSiloAsync()).GetGrain<IConversationGrain>("t1/tail");

        var snapshot = await second.GetSnapshot(Agent).Within();
        Assert.Equal(4, snapshot.LastSeq);
        Assert.Equal(3, snapshot.Unread);
        Assert.Equal(1, await second.GetUnread(Visitor).Within());
        Assert.Contains(Agent, snapshot.Participants);
        Assert.Equal(5, (await second.SendMessage(Visitor, Text("v4")).Within()).Seq);
        Assert.Equal(4, await second.GetUnread(Agent).Within());
    }

    [Fact]
    public async Task TwoActivationsThatBothFoldTheSameTailCountItOnce()
    {
        await using var host = await ConversationHost.StartAsync();
        var first = host.Grains.GetGrain<IConversationGrain>("t1/twice");
        await first.SendMessage(Visitor, Text("v1")).Within();
        await first.SendMessage(Visitor, Text("v2")).Within();
        await first.SendMessage(Visitor, Text("v3")).Within();
        var second = (await host.StartSecondSiloAsync()).GetGrain<IConversationGrain>("t1/twice");

        // Each activation writes its copy (with a read mark); the second write meets the first and merges.
        await second.MarkRead(Visitor, 3).Within();
        await first.MarkRead(Agent, 1).Within();

        var fresh = (await host.StartSecondSiloAsync()).GetGrain<IConversationGrain>("t1/twice");
        Assert.Equal(2, await fresh.GetUnread(Agent).Within());
        Assert.Equal(3, (await fresh.GetSnapshot(Agent).Within()).LastSeq);
    }

    [Fact]
    public async Task TheStateIsWrittenOnceMaxUnwrittenMessagesWaitAndWhenTheSiloStops()
    {
        HeldStateStorage? storage = null;
        await using var host = await ConversationHost.StartAsync(
            configure: o => o.MaxUnwrittenMessages = 3,
            wrapStorage: s => storage = new HeldStateStorage(s, "conversation"));
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/bounded");
        await conversation.SendMessage(Visitor, Text("v1")).Within();
        var written = (await storage!.StoredAsync<ConversationState>(StateName, "t1/bounded")).LastSeq;
        for (var i = 0; i < 3; i++) await conversation.SendMessage(Agent, Text($"a{i}")).Within();
        Assert.Equal(4, (await storage.StoredAsync<ConversationState>(StateName, "t1/bounded")).LastSeq);
        Assert.True(written < 4);

        await conversation.SendMessage(Visitor, Text("v2")).Within();
        Assert.Equal(4, (await storage.StoredAsync<ConversationState>(StateName, "t1/bounded")).LastSeq);
        await host.Cluster.StopAllAsync().Within();
        var stored = await storage.StoredAsync<ConversationState>(StateName, "t1/bounded");
        Assert.Equal(5, stored.LastSeq);
        Assert.Equal((2, 3), (stored.Reads.MessageCount("visitor"), stored.Reads.MessageCount("agent")));
    }

    [Fact]
    public async Task AStateThatCountedPerActivationKeepsItsTotals()
    {
        HeldStateStorage? storage = null;
        await using var host = await ConversationHost.StartAsync(wrapStorage: s => storage = new HeldStateStorage(s, "conversation"));
        var first = host.Grains.GetGrain<IConversationGrain>("t1/legacy");
        for (var i = 0; i < 3; i++) await first.SendMessage(Visitor, Text($"v{i}")).Within();
        await first.MarkRead(Agent, 1).Within();
        // As versions that counted in one slot per activation wrote it: two activations, 2 + 1 visitor messages.
        await storage!.RewriteAsync<ConversationState>(StateName, "t1/legacy", s => s.Reads = new ReadState(
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("visitor",
                new GCounter(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("a1b2", 2L), KeyValuePair.Create("c3d4", 1L)])))]),
            s.Reads.ReadMarks));

        var second = (await host.StartSecondSiloAsync()).GetGrain<IConversationGrain>("t1/legacy");
        Assert.Equal(2, await second.GetUnread(Agent).Within());
        await second.SendMessage(Visitor, Text("v3")).Within();
        Assert.Equal(3, await second.GetUnread(Agent).Within());
        await second.MarkRead(Agent, 4).Within();
        var stored = await storage.StoredAsync<ConversationState>(StateName, "t1/legacy");
        Assert.Equal([KeyValuePair.Create("log", 4L)], stored.Reads.Messages["visitor"].Slots);
    }
}
