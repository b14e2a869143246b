using System.Collections.Immutable;
using CustomerService.Grains.Conversations;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>Every refusal carries its code and changes nothing: neither the state (as the snapshots of both sides
/// show it) nor the message store.</summary>
[Trait("Category", "Integration")]
public sealed class ValidationTests : IAsyncLifetime
{
    private const string Key = "t1/validated";
    private ConversationHost host = null!;
    private IConversationGrain conversation = null!;

    public async Task InitializeAsync()
    {
        host = await ConversationHost.StartAsync();
        conversation = host.Grains.GetGrain<IConversationGrain>(Key);
        await conversation.SendMessage(Visitor, Text("q1")).Within();
        await conversation.SendMessage(Agent, Text("a1")).Within();
        await conversation.MarkRead(Visitor, 2).Within();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task EmptyOrMissingTextIsAnInvalidArgument()
    {
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.SendMessage(Visitor, Text("")));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.SendMessage(Visitor, Text("  \n ")));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.SendMessage(Visitor, null!));
    }

    [Fact]
    public async Task TextOverEightKilobytesOfUtf8IsTooLarge()
    {
        await Refused(ChatErrorCodes.TooLarge, () => conversation.SendMessage(Visitor, Text(new string('x', 8 * 1024 + 1))));
        // 4097 characters, but 8194 bytes: the limit is on bytes.
        await Refused(ChatErrorCodes.TooLarge, () => conversation.SendMessage(Visitor, Text(new string('é', 4097))));
        Assert.Equal(3, (await conversation.SendMessage(Visitor, Text(new string('x', 8 * 1024))).Within()).Seq);
    }

    [Fact]
    public async Task AnEmptyOrOversizedClientMessageIdIsRefused()
    {
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.SendMessage(Visitor, new SendMessageCommand("", "hi")));
        await Refused(ChatErrorCodes.TooLarge, () => conversation.SendMessage(Visitor, new SendMessageCommand(new string('c', 101), "hi")));
        var tooMany = Enumerable.Range(0, 11).Select(i => new Attachment($"f{i}", "a.png", "image/png", 10, "/files/a.png")).ToImmutableArray();
        await Refused(ChatErrorCodes.TooLarge, () => conversation.SendMessage(Visitor, new SendMessageCommand("c-att", "", tooMany)));
    }

    [Fact]
    public async Task AnotherVisitorMayNotActOnTheConversation()
    {
        await Refused(ChatErrorCodes.Forbidden, () => conversation.SendMessage(OtherVisitor, Text("hijack")));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.GetHistory(OtherVisitor, null, 10));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Resume(OtherVisitor, 0, 10));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.MarkRead(OtherVisitor, 1));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.GetSnapshot(OtherVisitor));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Typing(OtherVisitor, true));
        var spy = host.Grains.CreateObjectReference<IConversationObserver>(new EventRecorder());
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Subscribe(OtherVisitor, spy));
    }

    [Fact]
    public async Task OnlyAgentsWritePrivateNotesAndOnlyVisitorsAndAgentsHaveReadState()
    {
        await Refused(ChatErrorCodes.Forbidden, () => conversation.SendMessage(Visitor, Text("secret", isPrivate: true)));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.SendMessage(Bot, Text("secret", isPrivate: true)));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.MarkRead(Bot, 1));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.MarkUnread(Bot));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.GetUnread(Bot));
    }

    [Fact]
    public async Task AVisitorCannotCloseOrReopen()
    {
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Close(Visitor));
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Reopen(Visitor));
    }

    [Fact]
    public async Task AnAgentWritingToAClosedConversationGetsClosed()
    {
        await conversation.Close(Agent).Within();
        await Refused(ChatErrorCodes.Closed, () => conversation.SendMessage(Agent, Text("late")));
        await Refused(ChatErrorCodes.Closed, () => conversation.SendMessage(Bot, Text("late")));
    }

    [Fact]
    public async Task OutOfRangeSeqsAndLimitsAreInvalidArguments()
    {
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.MarkRead(Agent, 3));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.MarkRead(Agent, -1));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.Resume(Agent, -1, 10));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.Resume(Agent, 0, 0));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.GetHistory(Agent, 0, 10));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.GetHistory(Agent, null, 201));
    }

    [Fact]
    public async Task AMalformedParticipantIsAnInvalidArgument()
    {
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.SendMessage(Agent with { Id = "" }, Text("hi")));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.MarkRead(null!, 1));
        await Refused(ChatErrorCodes.InvalidArgument, () => conversation.GetSnapshot(Agent with { Kind = (AuthorKind)42 }));
    }

    [Fact]
    public async Task AConversationNoVisitorHasWrittenToIsNotFound()
    {
        var unknown = host.Grains.GetGrain<IConversationGrain>("t1/never-opened");

        Assert.Equal(ChatErrorCodes.NotFound, (await Assert.ThrowsAsync<ChatException>(() => unknown.SendMessage(Agent, Text("hello?")).Within())).Code);
        Assert.Equal(ChatErrorCodes.NotFound, (await Assert.ThrowsAsync<ChatException>(() => unknown.GetSnapshot(Agent).Within())).Code);
        Assert.Equal(ChatErrorCodes.NotFound, (await Assert.ThrowsAsync<ChatException>(() => unknown.MarkRead(Visitor, 0).Within())).Code);
        Assert.Equal(ChatErrorCodes.NotFound, (await Assert.ThrowsAsync<ChatException>(() => unknown.Close(Agent).Within())).Code);
        Assert.Equal(0, await host.Store.GetMaxSeqAsync("t1/never-opened").Within());
        Assert.Equal(1, (await unknown.SendMessage(OtherVisitor, Text("hello")).Within()).Seq);
    }

    [Fact]
    public async Task AVisitorWatchingBeforeTheFirstMessageIsDroppedWhenAnotherVisitorOwnsIt()
    {
        var conversation = host.Grains.GetGrain<IConversationGrain>("t1/watched-early");
        var owner = new EventRecorder();
        var stranger = new EventRecorder();
        await conversation.Subscribe(OtherVisitor, host.Grains.CreateObjectReference<IConversationObserver>(owner)).Within();
        await conversation.Subscribe(Visitor, host.Grains.CreateObjectReference<IConversationObserver>(stranger)).Within();

        await conversation.SendMessage(OtherVisitor, Text("mine")).Within();
        await conversation.SendMessage(OtherVisitor, Text("still mine")).Within();

        Assert.Equal("still mine", (await owner.WaitFor<ChatMessage>(m => m.Seq == 2)).Text);
        Assert.Empty(stranger.All<ChatMessage>());
        await Refused(ChatErrorCodes.Forbidden, () => conversation.Subscribe(Visitor, host.Grains.CreateObjectReference<IConversationObserver>(stranger)));
    }

    [Fact]
    public async Task AKeyThatIsNotTenantSlashIdIsAnInvalidArgument()
    {
        var malformed = host.Grains.GetGrain<IConversationGrain>("no-tenant");

        var refused = await Assert.ThrowsAsync<ChatException>(() => malformed.SendMessage(Visitor, Text("hi")).Within());

        Assert.Equal(ChatErrorCodes.InvalidArgument, refused.Code);
    }

    private async Task Refused(string code, Func<Task> call)
    {
        var before = await PictureAsync();
        var refused = await Assert.ThrowsAsync<ChatException>(() => call().Within());
        Assert.Equal(code, refused.Code);
        Assert.Equal(before, await PictureAsync());
    }

    private async Task<string> PictureAsync()
    {
        var agent = await conversation.GetSnapshot(Agent).Within();
        var visitor = await conversation.GetSnapshot(Visitor).Within();
        var messages = await conversation.Resume(Agent, 0, 200).Within();
        return $"{agent with { Participants = [] }} [{string.Join(",", agent.Participants)}] unread-v {visitor.Unread} " +
               $"max {await host.Store.GetMaxSeqAsync(Key).Within()} [{string.Join(",", messages.Select(m => $"{m.Seq}:{m.Text}"))}]";
    }
}
