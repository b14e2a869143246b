using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Tests.Messages;

// Many appenders at once: fencing by seq, group commit across conversations, per-row outcomes within a batch.
public abstract partial class MessageStoreSuite
{
    [Fact]
    public async Task ConcurrentAppendersOnOneConversationThatReloadAndRetryGetGapFreeUniqueSeqs()
    {
        var store = OpenStore();
        const int appenders = 8, perAppender = 15;

        // Each appender plays a stale activation: it proposes the seq it last knew of and, on a conflict, reloads.
        async Task AppendAllAsync(int appender)
        {
            for (var i = 0; i < perAppender; i++)
            {
                var clientId = $"a{appender}-{i}";
                var seq = await store.GetMaxSeqAsync(Conversation()) + 1;
                while (true)
                {
                    var result = await store.AppendAsync(Message(Conversation(), seq, clientId));
                    if (result is not AppendResult.SeqConflict conflict) break;
                    seq = conflict.CurrentMaxSeq + 1;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, appenders).Select(a => Task.Run(() => AppendAllAsync(a)))).WaitAsync(Timeout);

        var messages = await Within(store.GetAfterAsync(Conversation(), 0, 200));
        Assert.Equal(Enumerable.Range(1, appenders * perAppender).Select(i => (long)i), messages.Select(m => m.Seq));
        Assert.Equal(appenders * perAppender, messages.Select(m => m.ClientMessageId).Distinct().Count());
    }

    [Fact]
    public async Task ConcurrentAppendsToManyConversationsAreAllAcknowledged()
    {
        var store = OpenStore();
        const int conversations = 50, perConversation = 10;

        var results = await Task.WhenAll(Enumerable.Range(0, conversations).Select(c => Task.Run(async () =>
        {
            var acks = new List<MessageAck>();
            for (var seq = 1; seq <= perConversation; seq++) acks.Add(await StoredAsync(store, Message(Conversation($"c{c}"), seq)));
            return acks;
        }))).WaitAsync(Timeout);

        Assert.Equal(conversations * perConversation, results.SelectMany(a => a).Select(a => a.Id).Distinct().Count());
        for (var c = 0; c < conversations; c += 7)
            Assert.Equal(perConversation, await Within(store.GetMaxSeqAsync(Conversation($"c{c}"))));
    }

    [Fact]
    public async Task AConflictingRowDoesNotFailItsBatchMates()
    {
        var store = OpenStore();
        await StoredAsync(store, Message(Conversation("taken"), 1, "first"));

        // Queued together without awaiting, so the writer takes them as one batch (or a few).
        var appends = Enumerable.Range(0, 40).Select(i => store.AppendAsync(Message(Conversation($"b{i}"), 1))).ToList();
        var conflicting = store.AppendAsync(Message(Conversation("taken"), 1, "second"));
        var duplicate = store.AppendAsync(Message(Conversation("taken"), 2, "first"));
        appends.AddRange(Enumerable.Range(40, 40).Select(i => store.AppendAsync(Message(Conversation($"b{i}"), 1))));

        var results = await Task.WhenAll(appends).WaitAsync(Timeout);
        Assert.All(results, result => Assert.IsType<AppendResult.Stored>(result));
        Assert.Equal(1, Assert.IsType<AppendResult.SeqConflict>(await Within(conflicting)).CurrentMaxSeq);
        Assert.Equal(1, Assert.IsType<AppendResult.Duplicate>(await Within(duplicate)).FirstAck.Seq);
        Assert.Single(await Within(store.GetAfterAsync(Conversation("taken"), 0, 10)));
        Assert.Equal(1, await Within(store.GetMaxSeqAsync(Conversation("b79"))));
    }

    [Fact]
    public async Task TwoAppendsOfOneBatchWithTheSameSeqStoreOnlyTheFirst()
    {
        var store = OpenStore();

        var first = store.AppendAsync(Message(Conversation(), 1, "x"));
        var second = store.AppendAsync(Message(Conversation(), 1, "y"));
        var retry = store.AppendAsync(Message(Conversation(), 2, "x"));

        var firstAck = Assert.IsType<AppendResult.Stored>(await Within(first)).Ack;
        Assert.Equal(1, Assert.IsType<AppendResult.SeqConflict>(await Within(second)).CurrentMaxSeq);
        Assert.Equal(firstAck, Assert.IsType<AppendResult.Duplicate>(await Within(retry)).FirstAck);
    }
}
