using CustomerService.Grains.Agents;
using CustomerService.Grains.Tests.Routing;
using CustomerService.Runtime.Testing;
using CustomerService.Grains.Conversations;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>Statuses, labels, rating, report times, typing drafts and mentions.</summary>
[Trait("Category", "Integration")]
public sealed class DetailsTests
{
    [Fact]
    public async Task ASnoozedConversationOpensAgainWhenItsTimeComes()
    {
        var clock = new ManualTimeProvider();
        await using var host = await ConversationHost.StartAsync(clock, o => o.SubscriptionExpiry = TimeSpan.FromHours(2));
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/snooze");
        await conversation.SendMessage(Visitor, Text("call me tomorrow")).Within();
        var console = new EventRecorder();
        await conversation.Subscribe(Agent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();
        var until = clock.GetUtcNow().AddHours(1);

        var snoozed = await conversation.SetStatus(Agent, ConversationStatus.Snoozed, until).Within();
        clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal((ConversationStatus.Snoozed, until), (snoozed.Status, snoozed.SnoozedUntil));
        var reopened = await console.WaitFor<ConversationView>(v => v.Status == ConversationStatus.Open);
        Assert.Null(reopened.SnoozedUntil);
    }

    [Fact]
    public async Task AVisitorMessageMovesAPendingConversationBackToOpen()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/pending");
        await conversation.SendMessage(Visitor, Text("q")).Within();

        var pending = await conversation.SetStatus(Agent, ConversationStatus.Pending, null).Within();
        await conversation.SendMessage(Visitor, Text("any news?")).Within();

        Assert.Equal(ConversationStatus.Pending, pending.Status);
        Assert.Equal(ConversationStatus.Open, (await conversation.GetView(Agent).Within()).Status);
    }

    [Fact]
    public async Task StatusChangesAreValidated()
    {
        var clock = new ManualTimeProvider();
        await using var host = await ConversationHost.StartAsync(clock);
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/status-refusals");
        await conversation.SendMessage(Visitor, Text("q")).Within();
        var before = await conversation.GetView(Agent).Within();

        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.SetStatus(Agent, ConversationStatus.Snoozed, null));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.SetStatus(Agent, ConversationStatus.Snoozed, clock.GetUtcNow()));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.SetStatus(Agent, ConversationStatus.Pending, clock.GetUtcNow().AddHours(1)));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.SetStatus(Agent, (ConversationStatus)9, null));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.SetStatus(Visitor, ConversationStatus.Resolved, null));
        Assert.Equal(before, await conversation.GetView(Agent).Within());
    }

    [Fact]
    public async Task FirstResponseAndResolutionTimesAreRecorded()
    {
        var clock = new ManualTimeProvider();
        await using var host = await ConversationHost.StartAsync(clock);
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/times");
        var start = clock.GetUtcNow();
        await conversation.SendMessage(Visitor, Text("q")).Within();
        clock.Advance(TimeSpan.FromSeconds(10));
        await conversation.SendMessage(Agent, Text("a note", isPrivate: true)).Within();
        clock.Advance(TimeSpan.FromSeconds(10));
        await conversation.SendMessage(Agent, Text("an answer")).Within();
        clock.Advance(TimeSpan.FromSeconds(10));
        await conversation.SendMessage(OtherAgent, Text("another")).Within();
        clock.Advance(TimeSpan.FromMinutes(5));

        await conversation.Close(Agent).Within();

        var view = await conversation.GetView(Agent).Within();
        Assert.Equal(start, view.CreatedAt);
        Assert.Equal(start.AddSeconds(20), view.FirstResponseAt);
        Assert.Equal(start.AddSeconds(330), view.ResolvedAt);
        Assert.Equal(ConversationStatus.Resolved, view.Status);
    }

    [Fact]
    public async Task LabelsAreAddedAndRemovedByAgentsAndHiddenFromTheVisitor()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/labels");
        await conversation.SendMessage(Visitor, Text("q")).Within();

        await conversation.AddLabel(Agent, "VIP").Within();
        await conversation.AddLabel(Agent, "billing").Within();
        await conversation.AddLabel(OtherAgent, "vip").Within();
        var view = await conversation.RemoveLabel(Agent, "billing").Within();
        await conversation.RemoveLabel(Agent, "absent").Within();

        Assert.Equal(["vip"], view.Labels.ToArray());
        Assert.Empty((await conversation.GetView(Visitor).Within()).Labels);
        await Refused(ChatErrorCodes.Forbidden, () => conversation.AddLabel(Visitor, "mine"));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.AddLabel(Agent, "two words"));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.AddLabel(Agent, ""));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.AddLabel(Agent, new string('x', 51)));
        for (var i = 1; i < 20; i++) await conversation.AddLabel(Agent, $"l{i}").Within();
        await Refused(ChatErrorCodes.TooLarge, () => conversation.AddLabel(Agent, "one-too-many"));
        Assert.Equal(20, (await conversation.GetView(Agent).Within()).Labels.Length);
    }

    [Fact]
    public async Task TheVisitorRatesAResolvedConversationAndMayChangeTheRating()
    {
        await using var host = await ConversationHost.StartAsync();
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/rating");
        await conversation.SendMessage(Visitor, Text("q")).Within();
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.Rate(Visitor, 5, null));
        await conversation.Close(Agent).Within();

        await conversation.Rate(Visitor, 2, "slow").Within();
        await conversation.Rate(Visitor, 4, "fine after all").Within();

        Assert.Equal(new ConversationRating(4, "fine after all"), (await conversation.GetView(Agent).Within()).Rating);
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.Rate(Visitor, 0, null));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.Rate(Visitor, 6, null));
        await Refused(ChatErrorCodes.TooLarge, () => conversation.Rate(Visitor, 3, new string('c', 1001)));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Rate(Agent, 5, null));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Rate(OtherVisitor, 5, null));
        Assert.Equal(new ConversationRating(4, "fine after all"), (await conversation.GetView(Visitor).Within()).Rating);
    }

    [Fact]
    public async Task TheVisitorsDraftReachesAgentsOnlyAndOnlyWhenTheTenantTurnedItOn()
    {
        await using var host = await ConversationHost.StartAsync();
        await Desk.OpenAsync(host, "drafts", s => s with { DraftPreview = true });
        await Desk.OpenAsync(host, "nodrafts");
        foreach (var (tenant, shown) in new[] { ("drafts", "I want a ref"), ("nodrafts", null) })
        {
            var conversation = host.Grains.GetGrain<IConversationGrain>($"{tenant}/c1");
            await conversation.SendMessage(Visitor, Text("q")).Within();
            var console = new EventRecorder();
            var widget = new EventRecorder();
            await conversation.Subscribe(Agent, host.Grains.CreateObjectReference<IConversationObserver>(console)).Within();
            await conversation.Subscribe(Visitor, host.Grains.CreateObjectReference<IConversationObserver>(widget)).Within();

            await conversation.Typing(Visitor, true, "I want a ref").Within();

            Assert.Equal(shown, (await console.WaitFor<TypingEvent>()).Draft);
            Assert.Null((await widget.WaitFor<TypingEvent>()).Draft);
        }
    }

    [Fact]
    public async Task AnAtMentionInAPrivateNoteTellsThatAgentAndNeverReachesTheVisitor()
    {
        await using var host = await ConversationHost.StartAsync();
        var desk = await Desk.OpenAsync(host, "mentions");
        var author = await desk.HireAsync("Ann", online: false);
        var named = await desk.HireAsync("Ben", online: false);
        var inbox = await desk.InboxAsync(named);
        var conversation = desk.Conversation("c1");
        await conversation.SendMessage(Visitor, Text("q")).Within();
        var widget = await desk.WatchAsync(conversation, Visitor);

        var ack = await conversation.SendMessage(author, Text("@ben can you look at this?", isPrivate: true)).Within();
        await conversation.SendMessage(author, Text("public, not a mention: @ben")).Within();

        var mention = await inbox.WaitFor<MentionEvent>();
        Assert.Equal((ack.Id, ack.Seq, author.Id), (mention.MessageId, mention.Seq, mention.By.Id));
        await widget.WaitFor<ChatMessage>(m => m.Seq == ack.Seq + 1);
        Assert.DoesNotContain(widget.All<ChatMessage>(), m => m.Private);
        Assert.Single(inbox.All<MentionEvent>());
    }

    private static async Task Refused(string code, Func<Task> call) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<ChatException>(() => call().Within())).Code);
}
