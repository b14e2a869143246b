using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Tests.Messages;

// Search over a tenant's history: English words, short and long Chinese words, tenant isolation, private notes.
public abstract partial class MessageStoreSuite
{
    private async Task<IMessageStore> StoreWithSearchableHistoryAsync()
    {
        var store = OpenStore();
        string[] texts =
        [
            "My refund has not arrived yet",
            "The invoice for order 4711 is wrong",
            "我想申请退款，订单还没有到",
            "请问你们的营业时间是什么时候",
            "Please send the refund to my card",
        ];
        for (var i = 0; i < texts.Length; i++) await StoredAsync(store, Message(Conversation(), i + 1, text: texts[i]));
        await StoredAsync(store, Message(Conversation(), texts.Length + 1, text: "Internal: refund approved by finance, 退款已批准", isPrivate: true));
        return store;
    }

    [Fact]
    public async Task SearchFindsEnglishWordsNewestFirst()
    {
        var store = await StoreWithSearchableHistoryAsync();

        var refund = await Within(store.SearchAsync(Tenant, "refund", 10));
        var both = await Within(store.SearchAsync(Tenant, "invoice order", 10));

        Assert.Equal([5L, 1], refund.Select(m => m.Seq));
        Assert.Equal(2, Assert.Single(both).Seq);
    }

    [Fact]
    public async Task SearchFindsATwoCharacterChineseWord()
    {
        var store = await StoreWithSearchableHistoryAsync();

        var results = await Within(store.SearchAsync(Tenant, "退款", 10));

        Assert.Equal(3, Assert.Single(results).Seq);
    }

    [Fact]
    public async Task SearchFindsAChinesePhraseOfThreeOrMoreCharacters()
    {
        var store = await StoreWithSearchableHistoryAsync();

        var results = await Within(store.SearchAsync(Tenant, "营业时间", 10));

        Assert.Equal(4, Assert.Single(results).Seq);
    }

    [Fact]
    public async Task SearchNeverReturnsAnotherTenantsMessages()
    {
        var store = await StoreWithSearchableHistoryAsync();
        var otherTenant = $"o{Guid.NewGuid():N}"[..12];
        await StoredAsync(store, Message($"{otherTenant}/c1", 1, text: "another refund, 退款 营业时间"));

        var english = await Within(store.SearchAsync(Tenant, "refund", 10, includePrivate: true));
        var chinese = await Within(store.SearchAsync(Tenant, "退款", 10, includePrivate: true));
        var foreign = await Within(store.SearchAsync(otherTenant, "营业时间", 10));

        Assert.All(english.Concat(chinese), m => Assert.StartsWith(Tenant + "/", m.ConversationId, StringComparison.Ordinal));
        Assert.Equal($"{otherTenant}/c1", Assert.Single(foreign).ConversationId);
    }

    [Fact]
    public async Task SearchExcludesPrivateNotesUnlessAskedToIncludeThem()
    {
        var store = await StoreWithSearchableHistoryAsync();

        var withoutNotes = await Within(store.SearchAsync(Tenant, "refund", 10));
        var withNotes = await Within(store.SearchAsync(Tenant, "refund", 10, includePrivate: true));
        var shortWithNotes = await Within(store.SearchAsync(Tenant, "退款", 10, includePrivate: true));

        Assert.DoesNotContain(withoutNotes, m => m.Private);
        Assert.Equal(6, withNotes[0].Seq);
        Assert.True(withNotes[0].Private);
        Assert.Equal([6L, 3], shortWithNotes.Select(m => m.Seq));
    }

    [Fact]
    public async Task SearchTreatsQuerySyntaxAsPlainText()
    {
        var store = await StoreWithSearchableHistoryAsync();

        var results = await Within(store.SearchAsync(Tenant, "\"refund\" OR -card NEAR(x) 100%", 10));

        Assert.Empty(results);
    }
}
