using CustomerService.Grains.Conversations;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

[Trait("Category", "Integration")]
public sealed class ReadStateTests
{
    [Fact]
    public async Task ReadReceiptsAndUnreadCountsWorkOnBothSides()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/reads");
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        var widget = new EventRecorder();
        var console = new EventRecorder();
        await conversation.Subscribe(Visitor, host.Grains.CreateObjectReference<IConversationObserver>(widget)).Within();
        await conversation.Subscribe(Agent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();
        await conversation.SendMessage(Visitor, Text("q2")).Within();
        await conversation.SendMessage(Agent, Text("a1")).Within();
        await conversation.SendMessage(Agent, Text("a2")).Within();

        Assert.Equal(2, await conversation.GetUnread(Visitor).Within());
        Assert.Equal(2, await conversation.GetUnread(Agent).Within());
        Assert.Equal(2, (await widget.WaitFor<UnreadFor>(u => u.Event.Count == 2)).Event.Count);

        await conversation.MarkRead(Agent, 2).Within();
        await conversation.MarkRead(Visitor, 4).Within();

        Assert.Equal(0, await conversation.GetUnread(Agent).Within());
        Assert.Equal(0, await conversation.GetUnread(Visitor).Within());
        Assert.Equal(new ReadEvent("t1/reads", Agent, 2), await widget.WaitFor<ReadEvent>(r => r.Participant == Agent));
        Assert.Equal(new ReadEvent("t1/reads", Visitor, 4), await console.WaitFor<ReadEvent>(r => r.Participant == Visitor));
        await widget.WaitFor<UnreadFor>(u => u.Reader == Visitor && u.Event == new UnreadEvent("t1/reads", 0));
        Assert.DoesNotContain(widget.All<UnreadFor>(), u => u.Reader != Visitor);

        await conversation.SendMessage(Visitor, Text("q3")).Within();
        Assert.Equal(1, (await conversation.GetSnapshot(Agent).Within()).Unread);
        Assert.Equal(0, (await conversation.GetSnapshot(Visitor).Within()).Unread);
    }

    [Fact]
    public async Task AgentsObserversGetNoUnreadCountsAndAWatchingAgentsCountIsReadFromTheConversation()
    {
        // Agents' counts reach consoles through their agent grains and reads, not the conversation's observers.
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/watching");
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        var console = new EventRecorder();
        await conversation.Subscribe(OtherAgent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();

        await conversation.SendMessage(Visitor, Text("q2")).Within();
        await conversation.SendMessage(Agent, Text("a1")).Within();

        await console.WaitFor<ChatMessage>(m => m.Seq == 3);
        Assert.Empty(console.All<UnreadFor>());
        Assert.Equal(2, await conversation.GetUnread(OtherAgent).Within());
        Assert.Equal(2, (await conversation.GetSnapshot(OtherAgent).Within()).Unread);
        Assert.DoesNotContain(OtherAgent, (await conversation.GetSnapshot(Agent).Within()).Participants);
    }

    [Fact]
    public async Task MarkingAsUnreadMakesTheNewestMessageUnreadUntilReadAgain()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/unread");
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        await conversation.SendMessage(Visitor, Text("q2")).Within();
        await conversation.MarkRead(Agent, 2).Within();

        await conversation.MarkUnread(Agent).Within();
        Assert.Equal(1, await conversation.GetUnread(Agent).Within());

        await conversation.MarkRead(Agent, 2).Within();
        Assert.Equal(0, await conversation.GetUnread(Agent).Within());
    }

    [Fact]
    public async Task MarkingReadUpToAnEarlierSeqLeavesTheLaterMessagesUnread()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/partial");
        foreach (var text in new[] { "q1", "q2", "q3" }) await conversation.SendMessage(Visitor, Text(text)).Within();
        await conversation.SendMessage(Agent, Text("a1")).Within();
        await conversation.SendMessage(Visitor, Text("q4")).Within();

        await conversation.MarkRead(Agent, 2).Within();
        Assert.Equal(2, await conversation.GetUnread(Agent).Within());

        // A mark never moves back by MarkRead (only MarkUnread does that).
        await conversation.MarkRead(Agent, 1).Within();
        Assert.Equal(2, await conversation.GetUnread(Agent).Within());
    }

    [Fact]
    public async Task PrivateNotesAreNeverShownOrCountedForTheVisitor()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/notes");
        await conversation.SendMessage(Visitor, Text("my order is late")).Within();
        var widget = new EventRecorder();
        var console = new EventRecorder();
        await conversation.Subscribe(Visitor, host.Grains.CreateObjectReference<IConversationObserver>(widget)).Within();
        await conversation.Subscribe(OtherAgent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();

        await conversation.SendMessage(Agent, Text("@bob this customer again", isPrivate: true)).Within();
        await conversation.SendMessage(Agent, Text("looking into it")).Within();

        await widget.WaitFor<ChatMessage>(m => m.Seq == 3);
        await console.WaitFor<ChatMessage>(m => m.Seq == 3);
        Assert.Equal([3L], widget.All<ChatMessage>().Select(m => m.Seq));
        Assert.Equal([2L, 3L], console.All<ChatMessage>().Select(m => m.Seq));
        Assert.True(console.All<ChatMessage>()[0].Private);
        Assert.Equal([1L, 3L], (await conversation.Resume(Visitor, 0, 2).Within()).Select(m => m.Seq));
        Assert.Equal([1L, 3L], (await conversation.GetHistory(Visitor, null, 2).Within()).Select(m => m.Seq));
        Assert.Equal([1L, 2L, 3L], (await conversation.Resume(Agent, 0, 10).Within()).Select(m => m.Seq));
        Assert.Equal(1, await conversation.GetUnread(Visitor).Within());
        Assert.Equal(1, await conversation.GetUnread(OtherAgent).Within());
    }
}
