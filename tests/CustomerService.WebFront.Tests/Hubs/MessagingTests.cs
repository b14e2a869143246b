using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Hubs;

[Collection(DemoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MessagingTests(DemoFixture fixture) : HubTestBase(fixture.Host, fixture.Node)
{
    [Fact]
    public async Task AVisitorsMessageIsAcknowledgedOnceDurableAndReachesTheAgentWhoOpenedIt()
    {
        var (visitor, _) = await VisitorAsync();
        var ack = await Node.InvokeAsync(visitor, "SendMessage", Message("first"));
        Assert.Equal(1, ack.GetProperty("seq").GetInt64());
        Assert.False(string.IsNullOrEmpty(ack.GetProperty("id").GetString()));
        Assert.True(ack.TryGetProperty("sentAt", out _));
        var conversationId = (await Node.InvokeAsync(visitor, "GetConversation")).GetProperty("id").GetString()!;
        Assert.DoesNotContain("/", conversationId);

        var agent = await AgentAsync();
        var opened = await Node.InvokeAsync(agent, "Open", conversationId);
        Assert.Equal(conversationId, opened.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("first", opened.GetProperty("messages")[0].GetProperty("text").GetString());

        await Node.InvokeAsync(visitor, "SendMessage", Message("second"));
        var message = First(await Node.WaitAsync(agent, "message"));
        Assert.Equal("second", message.GetProperty("text").GetString());
        Assert.Equal(2, message.GetProperty("seq").GetInt64());
        Assert.Equal(conversationId, message.GetProperty("conversationId").GetString());
        Assert.Equal("visitor", message.GetProperty("author").GetProperty("kind").GetString());
        Assert.False(message.GetProperty("private").GetBoolean());
        Assert.Equal(0, message.GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task BeforeTheFirstMessageTheConversationIsEmptyAndTypingOrReadingIsHarmless()
    {
        var (visitor, _) = await VisitorAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await Node.InvokeAsync(visitor, "GetConversation")).ValueKind);
        Assert.Equal(0, (await Node.InvokeAsync(visitor, "Resume", 0)).GetArrayLength());
        Assert.Equal(0, (await Node.InvokeAsync(visitor, "GetHistory", null, 50)).GetArrayLength());
        await Node.InvokeAsync(visitor, "Typing", true, null);
        await Node.InvokeAsync(visitor, "MarkRead", 0);
    }

    [Fact]
    public async Task AFirstVisitFollowsItsConversationFromItsFirstMessageOnInEveryTab()
    {
        // The first tab of a new visitor does not subscribe until it writes; a tab opened later subscribes at once.
        var (first, token) = await VisitorAsync();
        var second = await Node.ConnectAsync(Host.Hub("visitor"), token);
        await Node.InvokeAsync(first, "SendMessage", Message("from the first tab"));
        Assert.Equal("from the first tab", First(await Node.WaitAsync(second, "message")).GetProperty("text").GetString());

        var conversationId = (await Node.InvokeAsync(first, "GetConversation")).GetProperty("id").GetString()!;
        var agent = await AgentAsync();
        await Node.InvokeAsync(agent, "Open", conversationId);
        await Node.InvokeAsync(agent, "SendMessage", new { conversationId, clientMessageId = Guid.NewGuid().ToString(), text = "hello, both tabs" });
        // The tab that sent shows its message from the ack: the first message event it gets is the agent's.
        Assert.Equal("hello, both tabs", First(await Node.WaitAsync(first, "message")).GetProperty("text").GetString());
        Assert.Equal("hello, both tabs", First(await Node.WaitAsync(second, "message")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task AnAgentsMessageReachesItsOtherConsolesButNotTheConnectionThatSentIt()
    {
        var (visitor, _) = await VisitorAsync();
        var conversationId = await StartConversationAsync(visitor);
        var sender = await AgentAsync();
        var otherTab = await AgentAsync();
        await Node.InvokeAsync(sender, "Open", conversationId);
        await Node.InvokeAsync(otherTab, "Open", conversationId);

        await Node.InvokeAsync(sender, "SendMessage", new { conversationId, clientMessageId = Guid.NewGuid().ToString(), text = "from one console" });
        Assert.Equal("from one console", First(await Node.WaitAsync(otherTab, "message")).GetProperty("text").GetString());
        await Node.InvokeAsync(visitor, "SendMessage", Message("the visitor answers"));
        Assert.Equal("the visitor answers", First(await Node.WaitAsync(sender, "message")).GetProperty("text").GetString());
        Assert.Equal("the visitor answers", First(await Node.WaitAsync(otherTab, "message")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task ResendingTheSameClientMessageIdReturnsTheFirstAck()
    {
        var (visitor, _) = await VisitorAsync();
        var payload = Message("once", "fixed-client-id");
        var first = await Node.InvokeAsync(visitor, "SendMessage", payload);
        var again = await Node.InvokeAsync(visitor, "SendMessage", payload);
        Assert.Equal(first.GetRawText(), again.GetRawText());
        var history = await Node.InvokeAsync(visitor, "Resume", 0);
        Assert.Equal(1, history.GetArrayLength());
    }

    [Fact]
    public async Task TypingReachesTheOtherSideAndOptionalArgumentsMayBeLeftOut()
    {
        var (visitor, _) = await VisitorAsync();
        var conversationId = await StartConversationAsync(visitor);
        var agent = await AgentAsync();
        await Node.InvokeAsync(agent, "Open", conversationId);

        await Node.InvokeAsync(visitor, "Typing", true);
        var typing = First(await Node.WaitAsync(agent, "typing"));
        Assert.True(typing.GetProperty("isTyping").GetBoolean());
        Assert.Equal("visitor", typing.GetProperty("participant").GetProperty("kind").GetString());
        Assert.Equal(conversationId, typing.GetProperty("conversationId").GetString());

        await Node.InvokeAsync(agent, "Typing", conversationId, true);
        var seen = First(await Node.WaitAsync(visitor, "typing"));
        Assert.Equal("agent", seen.GetProperty("participant").GetProperty("kind").GetString());
        Assert.False(seen.TryGetProperty("draft", out var draft) && draft.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task AnAgentsReplyRaisesTheVisitorsUnreadAndReadingItSendsAReceipt()
    {
        var (visitor, _) = await VisitorAsync();
        var conversationId = await StartConversationAsync(visitor);
        var agent = await AgentAsync();
        await Node.InvokeAsync(agent, "Open", conversationId);

        var ack = await Node.InvokeAsync(agent, "SendMessage", new { conversationId, clientMessageId = Guid.NewGuid().ToString(), text = "how can I help?" });
        // The visitor's widget follows its conversation from before the first message, so its own message comes first.
        var reply = First(await Node.WaitAsync(visitor, "message"));
        while (reply.GetProperty("author").GetProperty("kind").GetString() == "visitor") reply = First(await Node.WaitAsync(visitor, "message"));
        Assert.Equal("agent", reply.GetProperty("author").GetProperty("kind").GetString());
        Assert.Equal(ack.GetProperty("seq").GetInt64(), reply.GetProperty("seq").GetInt64());
        var unread = First(await Node.WaitAsync(visitor, "unread"));
        Assert.Equal(1, unread.GetProperty("count").GetInt64());
        Assert.Equal(conversationId, unread.GetProperty("conversationId").GetString());

        await Node.InvokeAsync(visitor, "MarkRead", ack.GetProperty("seq").GetInt64());
        var read = First(await Node.WaitAsync(agent, "read"));
        Assert.Equal(ack.GetProperty("seq").GetInt64(), read.GetProperty("seq").GetInt64());
        Assert.Equal("visitor", read.GetProperty("participant").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ResumeReturnsTheMessagesAfterTheLastSeenSeqAndPrivateNotesNeverReachTheVisitor()
    {
        var (visitor, _) = await VisitorAsync();
        var conversationId = await StartConversationAsync(visitor, "one");
        await Node.InvokeAsync(visitor, "SendMessage", Message("two"));
        var agent = await AgentAsync();
        await Node.InvokeAsync(agent, "SendMessage", new { conversationId, clientMessageId = Guid.NewGuid().ToString(), text = "note", @private = true });
        await Node.InvokeAsync(agent, "SendMessage", new { conversationId, clientMessageId = Guid.NewGuid().ToString(), text = "three" });

        var resumed = await Node.InvokeAsync(visitor, "Resume", 1);
        Assert.Equal(["two", "three"], resumed.EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        var agentView = await Node.InvokeAsync(agent, "Resume", conversationId, 0);
        Assert.Equal(4, agentView.GetArrayLength());
    }
}
