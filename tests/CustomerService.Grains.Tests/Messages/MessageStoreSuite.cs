using System.Collections.Immutable;
using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Tests.Messages;

/// <summary>The message store's behaviour, written once and run against every engine by the subclasses. Each test
/// works in a tenant of its own, so tests sharing a database never see each other's messages.</summary>
[Trait("Category", "Integration")]
public abstract partial class MessageStoreSuite : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly List<IMessageStore> stores = [];

    protected string Tenant { get; } = $"t{Guid.NewGuid():N}"[..12];

    /// <summary>Options pointing at this test's database; the same database for every call within one test.</summary>
    protected abstract MessageStoreOptions DatabaseOptions();

    protected abstract MessageStoreEngine Engine { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in stores) await store.DisposeAsync().AsTask().WaitAsync(Timeout);
    }

    protected IMessageStore OpenStore(Action<MessageStoreOptions>? configure = null)
    {
        var options = DatabaseOptions();
        configure?.Invoke(options);
        var store = MessageStores.Create(Engine, options);
        stores.Add(store);
        return store;
    }

    protected string Conversation(string name = "c1") => $"{Tenant}/{name}";

    protected static NewMessage Message(string conversationId, long seq, string? clientMessageId = null, string? text = null, bool isPrivate = false) =>
        new(conversationId, seq, clientMessageId ?? $"client-{seq}", new MessageAuthor(AuthorKind.Visitor, "v1", "Visitor One"),
            text ?? $"message {seq}", [], isPrivate);

    protected static async Task<MessageAck> StoredAsync(IMessageStore store, NewMessage message)
    {
        var result = await store.AppendAsync(message).WaitAsync(Timeout);
        return Assert.IsType<AppendResult.Stored>(result).Ack;
    }

    protected static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Timeout);

    [Fact]
    public async Task AnAppendedMessageReadsBackWithEveryField()
    {
        var store = OpenStore();
        var attachment = new Attachment("up1", "screenshot.png", "image/png", 12_345, "/files/up1");
        var message = new NewMessage(Conversation(), 1, "client-a", new MessageAuthor(AuthorKind.Agent, "a7", "Agent Seven"),
            "Hello, how can I help?", [attachment], Private: true);

        var ack = await StoredAsync(store, message);
        var read = Assert.Single(await Within(store.GetAfterAsync(Conversation(), 0, 10)));

        Assert.Equal(26, ack.Id.Length);
        Assert.Equal(1, ack.Seq);
        Assert.Equal((ack.Id, ack.Seq, ack.SentAt), (read.Id, read.Seq, read.SentAt));
        Assert.Equal(Conversation(), read.ConversationId);
        Assert.Equal("client-a", read.ClientMessageId);
        Assert.Equal(message.Author, read.Author);
        Assert.Equal(message.Text, read.Text);
        Assert.Equal(attachment, Assert.Single(read.Attachments));
        Assert.True(read.Private);
        Assert.Equal(1, await Within(store.GetMaxSeqAsync(Conversation())));
    }

    [Fact]
    public async Task MessagesReadBackInSeqOrderWithTimeOrderedIds()
    {
        var store = OpenStore();
        for (var seq = 1; seq <= 20; seq++) await StoredAsync(store, Message(Conversation(), seq));

        var messages = await Within(store.GetAfterAsync(Conversation(), 0, 200));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), messages.Select(m => m.Seq));
        Assert.Equal(messages.Select(m => m.Id).Order(StringComparer.Ordinal), messages.Select(m => m.Id));
        Assert.Equal(0, await Within(store.GetMaxSeqAsync(Conversation("empty"))));
    }

    [Fact]
    public async Task ResendingTheSameClientMessageIdReturnsTheFirstAckAndStoresNothing()
    {
        var store = OpenStore();
        var first = await StoredAsync(store, Message(Conversation(), 1, "same"));

        var again = await Within(store.AppendAsync(Message(Conversation(), 1, "same")));
        var laterSeq = await Within(store.AppendAsync(Message(Conversation(), 2, "same", text: "different text")));

        Assert.Equal(first, Assert.IsType<AppendResult.Duplicate>(again).FirstAck);
        Assert.Equal(first, Assert.IsType<AppendResult.Duplicate>(laterSeq).FirstAck);
        Assert.Single(await Within(store.GetAfterAsync(Conversation(), 0, 10)));
    }

    [Fact]
    public async Task TakingASeqThatIsTakenReportsTheCurrentMaxAndStoresNothing()
    {
        var store = OpenStore();
        for (var seq = 1; seq <= 3; seq++) await StoredAsync(store, Message(Conversation(), seq));

        var result = await Within(store.AppendAsync(Message(Conversation(), 2, "stale-activation")));

        Assert.Equal(3, Assert.IsType<AppendResult.SeqConflict>(result).CurrentMaxSeq);
        var messages = await Within(store.GetAfterAsync(Conversation(), 0, 10));
        Assert.DoesNotContain(messages, m => m.ClientMessageId == "stale-activation");
        Assert.Equal(3, messages.Count);
    }

    [Fact]
    public async Task TheSameSeqInAnotherConversationIsNoConflict()
    {
        var store = OpenStore();
        await StoredAsync(store, Message(Conversation("a"), 1));
        await StoredAsync(store, Message(Conversation("b"), 1));

        Assert.Equal(1, await Within(store.GetMaxSeqAsync(Conversation("b"))));
    }
}
