using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Tests.Messages;

// Bad input gets a clear ArgumentException and changes nothing; an ack means durable.
public abstract partial class MessageStoreSuite
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no-tenant")]
    [InlineData("/c1")]
    public async Task AMalformedConversationIdIsRejected(string conversationId)
    {
        var store = OpenStore();

        var append = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(Message(conversationId, 1))).WaitAsync(Timeout);
        var history = await Assert.ThrowsAsync<ArgumentException>(() => store.GetHistoryAsync(conversationId, null, 10)).WaitAsync(Timeout);

        Assert.Contains("conversation id", append.Message, StringComparison.Ordinal);
        Assert.Contains("conversation id", history.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(201)]
    public async Task ALimitOutsideOneToTwoHundredIsRejected(int limit)
    {
        var store = OpenStore();

        var errors = new[]
        {
            await Assert.ThrowsAsync<ArgumentException>(() => store.GetHistoryAsync(Conversation(), null, limit)).WaitAsync(Timeout),
            await Assert.ThrowsAsync<ArgumentException>(() => store.GetAfterAsync(Conversation(), 0, limit)).WaitAsync(Timeout),
            await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(Tenant, "refund", limit)).WaitAsync(Timeout),
        };

        Assert.All(errors, e => Assert.Contains("between 1 and 200", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TextOverTheConfiguredLimitIsRejectedAndNothingIsStored()
    {
        var store = OpenStore(o => o.MaxTextLength = 100);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(Message(Conversation(), 1, text: new string('x', 101)))).WaitAsync(Timeout);
        await StoredAsync(store, Message(Conversation(), 1, "fits", text: new string('x', 100)));

        Assert.Contains("at most 100", error.Message, StringComparison.Ordinal);
        Assert.Contains("MessageStore:MaxTextLength", error.Message, StringComparison.Ordinal);
        Assert.Equal("fits", Assert.Single(await Within(store.GetAfterAsync(Conversation(), 0, 10))).ClientMessageId);
    }

    [Fact]
    public async Task AMessageWithoutTextOrAttachmentsOrWithSeqZeroIsRejected()
    {
        var store = OpenStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(Message(Conversation(), 1, text: " "))).WaitAsync(Timeout);
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(Message(Conversation(), 0))).WaitAsync(Timeout);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(Tenant, "  ", 10)).WaitAsync(Timeout);

        Assert.Equal(0, await Within(store.GetMaxSeqAsync(Conversation())));
    }

    [Fact]
    public async Task AnAckedMessageIsReadableByAStoreOpenedWhileTheFirstIsStillRunning()
    {
        var first = OpenStore();
        var ack = await StoredAsync(first, Message(Conversation(), 1, "durable"));

        // No graceful stop of the first store: what was acknowledged must already be in the database.
        var second = OpenStore();
        var read = Assert.Single(await Within(second.GetAfterAsync(Conversation(), 0, 10)));

        Assert.Equal(ack.Id, read.Id);
    }

    [Fact]
    public async Task AnAckedMessageIsThereAfterTheStoreIsDisposedAndReopened()
    {
        var first = OpenStore();
        var ack = await StoredAsync(first, Message(Conversation(), 1, "durable"));
        await first.DisposeAsync().AsTask().WaitAsync(Timeout);

        var reopened = OpenStore();

        Assert.Equal(ack.Id, Assert.Single(await Within(reopened.GetAfterAsync(Conversation(), 0, 10))).Id);
    }
}
