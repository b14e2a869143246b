using CustomerService.Grains.Conversations;
using CustomerService.Runtime.Testing;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

[Trait("Category", "Integration")]
public sealed class LifecycleTests
{
    [Fact]
    public async Task AnAgentClosesTheConversationAndEveryObserverIsTold()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/close");
        await conversation.SendMessage(Visitor, Text("thanks, bye")).Within();
        var widget = new EventRecorder();
        await conversation.Subscribe(Visitor, host.Grains.CreateObjectReference<IConversationObserver>(widget)).Within();

        await conversation.Close(Agent).Within();
        await conversation.Close(Agent).Within();

        Assert.Equal(ConversationStatus.Resolved, (await widget.WaitFor<ConversationView>()).Status);
        var snapshot = await conversation.GetSnapshot(Visitor).Within();
        Assert.Equal(ConversationStatus.Resolved, snapshot.Status);
        Assert.Contains(Agent, snapshot.Participants);
        Assert.Single(widget.All<ConversationView>());
    }

    [Fact]
    public async Task AVisitorsNewMessageReopensAClosedConversation()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/reopen-by-visitor");
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        await conversation.Close(Agent).Within();
        var console = new EventRecorder();
        await conversation.Subscribe(Agent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();

        var ack = await conversation.SendMessage(Visitor, Text("one more thing")).Within();

        Assert.Equal(2, ack.Seq);
        Assert.Equal(ConversationStatus.Open, (await console.WaitFor<ConversationView>()).Status);
        Assert.Equal(ConversationStatus.Open, (await conversation.GetSnapshot(Agent).Within()).Status);
    }

    [Fact]
    public async Task AnAgentMustReopenAClosedConversationBeforeWriting()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/reopen-by-agent");
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        await conversation.Close(Agent).Within();

        var refused = await Assert.ThrowsAsync<ChatException>(() => conversation.SendMessage(Agent, Text("late answer")).Within());
        await conversation.Reopen(OtherAgent).Within();
        var ack = await conversation.SendMessage(Agent, Text("late answer")).Within();

        Assert.Equal(ChatErrorCodes.Closed, refused.Code);
        Assert.Equal(2, ack.Seq);
    }

    [Fact]
    public async Task AnAgentsRetryOfASendStoredBeforeTheCloseStillGetsTheFirstAck()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/retry-after-close");
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        var answer = Text("goodbye");
        var first = await conversation.SendMessage(Agent, answer).Within();
        await conversation.Close(OtherAgent).Within();

        var retried = await conversation.SendMessage(Agent, answer).Within();

        Assert.Equal(first, retried);
        Assert.Equal(2, await host.Store.GetMaxSeqAsync("t1/retry-after-close").Within());
    }

    [Fact]
    public async Task ASubscriptionThatIsNotRenewedExpiresAndARenewedOneKeepsReceiving()
    {
        var clock = new ManualTimeProvider();
        await using var host = await ConversationHost.StartAsync(clock, o => o.SubscriptionExpiry = TimeSpan.FromMinutes(5));
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/expiry");
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        var stale = new EventRecorder();
        var renewed = new EventRecorder();
        var staleReference = host.Grains.CreateObjectReference<IConversationObserver>(stale);
        var renewedReference = host.Grains.CreateObjectReference<IConversationObserver>(renewed);
        await conversation.Subscribe(Agent, staleReference).Within();
        await conversation.Subscribe(OtherAgent, renewedReference).Within();

        clock.Advance(TimeSpan.FromMinutes(3));
        await conversation.Subscribe(OtherAgent, renewedReference).Within();
        clock.Advance(TimeSpan.FromMinutes(3));
        await conversation.SendMessage(Visitor, Text("q2")).Within();

        await conversation.Typing(Agent, true).Within();

        // Both observers live in this process and the grain notifies them together, one event after the other:
        // once the later event has reached the renewed one, the stale one would have had both.
        await renewed.WaitFor<ChatMessage>(m => m.Seq == 2);
        await renewed.WaitFor<TypingEvent>();
        Assert.Empty(stale.Events);
    }

    [Fact]
    public async Task AnUnsubscribedObserverReceivesNothingMore()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/unsubscribe");
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        var gone = new EventRecorder();
        var staying = new EventRecorder();
        var goneReference = host.Grains.CreateObjectReference<IConversationObserver>(gone);
        await conversation.Subscribe(Agent, goneReference).Within();
        await conversation.Subscribe(OtherAgent, host.Grains.CreateObjectReference<IConversationObserver>(staying)).Within();

        await conversation.Unsubscribe(goneReference).Within();
        await conversation.SendMessage(Visitor, Text("q2")).Within();
        await conversation.Typing(Agent, true).Within();

        await staying.WaitFor<TypingEvent>();
        Assert.Empty(gone.Events);
    }
}
