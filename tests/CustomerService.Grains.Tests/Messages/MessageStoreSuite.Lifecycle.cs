using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Tests.Messages;

// Several stores on one database (two silos, a duplicated activation), schema creation, disposal and cancellation.
public abstract partial class MessageStoreSuite
{
    [Fact]
    public async Task TwoStoresCreatingTheSchemaAtOnceBothWork()
    {
        var first = OpenStore(o => o.TableName = "fresh_" + Tenant);
        var second = OpenStore(o => o.TableName = "fresh_" + Tenant);

        var results = await Task.WhenAll(
            first.AppendAsync(Message(Conversation("a"), 1)),
            second.AppendAsync(Message(Conversation("b"), 1))).WaitAsync(Timeout);

        Assert.All(results, r => Assert.IsType<AppendResult.Stored>(r));
    }

    [Fact]
    public async Task AppendersOnTwoStoresOfOneDatabaseAreFencedBySeq()
    {
        // Two silos each believing they host the conversation: the database's unique seq keeps the history linear.
        var stores = new[] { OpenStore(), OpenStore() };
        const int appenders = 6, perAppender = 10;

        async Task AppendAllAsync(int appender)
        {
            var store = stores[appender % stores.Length];
            for (var i = 0; i < perAppender; i++)
            {
                var seq = await store.GetMaxSeqAsync(Conversation()) + 1;
                AppendResult result;
                while ((result = await store.AppendAsync(Message(Conversation(), seq, $"s{appender}-{i}"))) is AppendResult.SeqConflict conflict)
                    seq = conflict.CurrentMaxSeq + 1;
                Assert.IsType<AppendResult.Stored>(result);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, appenders).Select(a => Task.Run(() => AppendAllAsync(a)))).WaitAsync(Timeout);

        var messages = await Within(stores[0].GetAfterAsync(Conversation(), 0, 200));
        Assert.Equal(Enumerable.Range(1, appenders * perAppender).Select(i => (long)i), messages.Select(m => m.Seq));
    }

    [Fact]
    public async Task DisposingTheStoreGivesEveryQueuedAppendItsOutcomeAndRefusesNewOnes()
    {
        var store = OpenStore();
        var queued = Enumerable.Range(1, 100).Select(i => store.AppendAsync(Message(Conversation($"q{i}"), 1))).ToList();

        await store.DisposeAsync().AsTask().WaitAsync(Timeout);

        Assert.All(await Task.WhenAll(queued).WaitAsync(Timeout), r => Assert.IsType<AppendResult.Stored>(r));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync(Message(Conversation(), 1))).WaitAsync(Timeout);
        var reopened = OpenStore();
        Assert.Equal(1, await Within(reopened.GetMaxSeqAsync(Conversation("q100"))));
    }

    [Fact]
    public async Task AnAppendCancelledBeforeItIsQueuedStoresNothing()
    {
        var store = OpenStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync(Message(Conversation(), 1), cancelled.Token)).WaitAsync(Timeout);

        Assert.Equal(0, await Within(store.GetMaxSeqAsync(Conversation())));
    }
}
