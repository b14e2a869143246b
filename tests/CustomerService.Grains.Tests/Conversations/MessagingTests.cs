using CustomerService.Grains.Conversations;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

[Trait("Category", "Integration")]
public sealed class MessagingTests
{
    [Fact]
    public async Task AVisitorsMessageReachesTheAgentsObserverWithSeqOne()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/c1");
        var console = new EventRecorder();
        await conversation.Subscribe(Agent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();

        var ack = await conversation.SendMessage(Visitor, Text("hello")).Within();

        Assert.Equal(1, ack.Seq);
        var message = await console.WaitFor<ChatMessage>();
        Assert.Equal((1L, "t1/c1", "hello", AuthorKind.Visitor, "v-1"), (message.Seq, message.ConversationId, message.Text, message.Author.Kind, message.Author.Id));
        Assert.Equal(ack, message.ToAck());
        Assert.Empty(message.Attachments);
        Assert.Equal(1, await conversation.GetUnread(Agent).Within());
    }

    [Fact]
    public async Task AnAgentsReplyReachesTheVisitorsObserverWithTheVisitorsUnreadCount()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/first");
        var widget = new EventRecorder();
        await conversation.SendMessage(Visitor, Text("opening")).Within();
        var console = new EventRecorder();
        await conversation.Subscribe(Agent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();
        await conversation.Subscribe(Visitor, host.Grains.CreateObjectReference<IConversationObserver>(widget)).Within();

        var ack = await conversation.SendMessage(Agent, Text("hi, how can I help?")).Within();

        var received = await widget.WaitFor<ChatMessage>();
        Assert.Equal(ack, received.ToAck());
        Assert.Equal(new UnreadFor(Visitor, new UnreadEvent("t1/first", 1)), await widget.WaitFor<UnreadFor>());
    }

    [Fact]
    public async Task MessagesBothWaysGetSeqOneToNInOneOrder()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/both-ways");
        await conversation.SendMessage(Visitor, Text("v1")).Within();
        var console = new EventRecorder();
        await conversation.Subscribe(Agent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();

        var acks = new List<MessageAck>();
        for (var i = 2; i <= 8; i++)
            acks.Add(await conversation.SendMessage(i % 2 == 0 ? Agent : Visitor, Text($"m{i}")).Within());

        Assert.Equal(Enumerable.Range(2, 7).Select(i => (long)i), acks.Select(a => a.Seq));
        var resumed = await conversation.Resume(Visitor, 0, 50).Within();
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), resumed.Select(m => m.Seq));
        Assert.Equal(["v1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"], resumed.Select(m => m.Text));
        Assert.Equal(resumed.Skip(5), await conversation.GetHistory(Agent, null, 3).Within());
        Assert.Equal(resumed.Take(2), await conversation.GetHistory(Agent, 3, 10).Within());
        await console.WaitFor<ChatMessage>(m => m.Seq == 8);
        Assert.Equal(Enumerable.Range(2, 7).Select(i => (long)i), console.All<ChatMessage>().Select(m => m.Seq));
    }

    [Fact]
    public async Task ResendingTheSameClientMessageIdReturnsTheFirstAckAndStoresNothing()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/resend");
        var send = Text("only once");

        var first = await conversation.SendMessage(Visitor, send).Within();
        var again = await conversation.SendMessage(Visitor, send).Within();
        var changedText = await conversation.SendMessage(Visitor, send with { Text = "edited retry" }).Within();

        Assert.Equal(first, again);
        Assert.Equal(first, changedText);
        Assert.Equal(1, await host.Store.GetMaxSeqAsync("t1/resend").Within());
        Assert.Equal(1, await conversation.GetUnread(Agent).Within());
        Assert.Equal(1, (await conversation.GetSnapshot(Agent).Within()).LastSeq);
    }

    [Fact]
    public async Task ConcurrentSendsFromSeveralCallersGetUniqueGapFreeSeqsInOneOrder()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/concurrent");
        await conversation.SendMessage(Visitor, Text("start")).Within();
        Participant[] senders = [Visitor, Agent, OtherAgent, Bot];

        var acks = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => conversation.SendMessage(senders[i % senders.Length], Text($"n{i}")))).Within();

        Assert.Equal(Enumerable.Range(2, 40).Select(i => (long)i), acks.Select(a => a.Seq).Order());
        var stored = await conversation.Resume(Agent, 0, 200).Within();
        Assert.Equal(Enumerable.Range(1, 41).Select(i => (long)i), stored.Select(m => m.Seq));
        Assert.Equal(acks.OrderBy(a => a.Seq).Select(a => a.Id), stored.Skip(1).Select(m => m.Id));
        // The agent counts the visitor's and the bot's messages: 1 + 10 + 10.
        Assert.Equal(21, await conversation.GetUnread(Agent).Within());
    }

    [Fact]
    public async Task TypingReachesTheOtherSideAndIsNotStored()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/typing");
        await conversation.SendMessage(Visitor, Text("hi")).Within();
        var widget = new EventRecorder();
        var console = new EventRecorder();
        await conversation.Subscribe(Visitor, host.Grains.CreateObjectReference<IConversationObserver>(widget)).Within();
        await conversation.Subscribe(Agent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();

        await conversation.Typing(Agent, true).Within();
        await conversation.Typing(Visitor, true).Within();
        await conversation.Typing(Agent, false).Within();

        Assert.Equal(new TypingEvent("t1/typing", Agent, true), await widget.WaitFor<TypingEvent>());
        Assert.Equal(new TypingEvent("t1/typing", Visitor, true), await console.WaitFor<TypingEvent>(t => t.Participant == Visitor));
        await widget.WaitFor<TypingEvent>(t => !t.IsTyping);
        Assert.Equal(1, (await conversation.GetSnapshot(Agent).Within()).LastSeq);
    }
}
