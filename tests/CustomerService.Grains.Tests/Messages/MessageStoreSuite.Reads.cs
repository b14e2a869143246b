using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Tests.Messages;

// History pages (newest first, going back) and resume after a seq.
public abstract partial class MessageStoreSuite
{
    [Fact]
    public async Task HistoryPagingWalksTheWholeConversationExactlyOnce()
    {
        var store = OpenStore();
        for (var seq = 1; seq <= 47; seq++) await StoredAsync(store, Message(Conversation(), seq));

        var seen = new List<long>();
        long? before = null;
        while (true)
        {
            var page = await Within(store.GetHistoryAsync(Conversation(), before, 10));
            if (page.Count == 0) break;
            Assert.Equal(page.Select(m => m.Seq).Order(), page.Select(m => m.Seq));
            Assert.All(page, m => Assert.True(before is null || m.Seq < before));
            seen.AddRange(page.Select(m => m.Seq));
            before = page[0].Seq;
        }

        Assert.Equal(Enumerable.Range(1, 47).Select(i => (long)i), seen.Order());
        Assert.Equal(47, seen.Distinct().Count());
    }

    [Fact]
    public async Task TheFirstHistoryPageHoldsTheNewestMessages()
    {
        var store = OpenStore();
        for (var seq = 1; seq <= 12; seq++) await StoredAsync(store, Message(Conversation(), seq));

        var newest = await Within(store.GetHistoryAsync(Conversation(), null, 5));
        var beforeFour = await Within(store.GetHistoryAsync(Conversation(), 4, 5));

        Assert.Equal([8L, 9, 10, 11, 12], newest.Select(m => m.Seq));
        Assert.Equal([1L, 2, 3], beforeFour.Select(m => m.Seq));
    }

    [Fact]
    public async Task ResumeReturnsTheMessagesAfterTheLastSeenSeqInOrder()
    {
        var store = OpenStore();
        for (var seq = 1; seq <= 30; seq++) await StoredAsync(store, Message(Conversation(), seq));

        var afterTwenty = await Within(store.GetAfterAsync(Conversation(), 20, 200));
        var limited = await Within(store.GetAfterAsync(Conversation(), 5, 3));
        var none = await Within(store.GetAfterAsync(Conversation(), 30, 200));

        Assert.Equal(Enumerable.Range(21, 10).Select(i => (long)i), afterTwenty.Select(m => m.Seq));
        Assert.Equal([6L, 7, 8], limited.Select(m => m.Seq));
        Assert.Empty(none);
    }
}
