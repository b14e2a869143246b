using CustomerService.Grains.Conversations;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>Two activations of one conversation (one per silo, over the same grain storage and message store), as
/// during a membership change.</summary>
[Trait("Category", "Integration")]
public sealed class FencingTests
{
    [Fact]
    public async Task ASecondActivationCannotTakeASeqAlreadyTakenAndRetriesWithTheNext()
    {
        await using var host = await ConversationHost.StartAsync();
        var second = await host.StartSecondSiloAsync();
        var first = host.Grains.GetGrain<IConversationGrain>("t1/fenced");
        var other = second.GetGrain<IConversationGrain>("t1/fenced");
        await first.SendMessage(Visitor, Text("q1")).Within();
        Assert.Equal(1, (await other.GetSnapshot(Agent).Within()).LastSeq);

        await first.SendMessage(Visitor, Text("q2")).Within();
        var ack = await other.SendMessage(Agent, Text("a1")).Within();

        Assert.Equal(3, ack.Seq);
        var stored = await first.Resume(Agent, 0, 10).Within();
        Assert.Equal([(1L, "q1"), (2L, "q2"), (3L, "a1")], stored.Select(m => (m.Seq, m.Text)));
        // The first activation catches up when the visitor reads what it has not seen.
        await first.MarkRead(Visitor, 3).Within();
        var third = await host.StartSecondSiloAsync();
        var fresh = third.GetGrain<IConversationGrain>("t1/fenced");
        Assert.Equal(2, await fresh.GetUnread(Agent).Within());
        Assert.Equal(0, await fresh.GetUnread(Visitor).Within());
        Assert.Equal(3, (await fresh.GetSnapshot(Visitor).Within()).LastSeq);
    }

    [Fact]
    public async Task AStateWriteThatMeetsAnotherActivationsWriteMergesTheReadMarksOfBoth()
    {
        await using var host = await ConversationHost.StartAsync();
        var second = await host.StartSecondSiloAsync();
        var first = host.Grains.GetGrain<IConversationGrain>("t1/merged");
        var other = second.GetGrain<IConversationGrain>("t1/merged");
        await first.SendMessage(Visitor, Text("q1")).Within();
        await first.SendMessage(Agent, Text("a1")).Within();
        Assert.Equal(1, await other.GetUnread(Agent).Within());

        await first.MarkRead(Visitor, 2).Within();
        await other.MarkRead(Agent, 2).Within();

        Assert.Equal(0, await other.GetUnread(Visitor).Within());
        Assert.Equal(0, await other.GetUnread(Agent).Within());
        var third = await host.StartSecondSiloAsync();
        var fresh = third.GetGrain<IConversationGrain>("t1/merged");
        Assert.Equal(0, await fresh.GetUnread(Visitor).Within());
        Assert.Equal(0, await fresh.GetUnread(Agent).Within());
        Assert.Equal([Visitor, Agent], (await fresh.GetSnapshot(Agent).Within()).Participants.ToArray());
    }
}
