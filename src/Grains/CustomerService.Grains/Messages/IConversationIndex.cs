using CustomerService.Grains.Conversations;

namespace CustomerService.Grains.Messages;

/// <summary>The tenant's conversation list: one row per conversation, kept by the conversation grains in the message
/// store's database (table <c>{MessageStore:TableName}_conversations</c>), read by <see cref="IConversationListGrain"/>.</summary>
public interface IConversationIndex : IAsyncDisposable
{
    /// <summary>Queues the conversation's summary (an agent's view, unread 0). Summaries queued for one conversation
    /// before they are written collapse into the newest, and all are written in batches, off the caller's path.</summary>
    void Upsert(ConversationView summary, DateTimeOffset lastActivity);

    /// <summary>Completes when every summary queued before the call is written.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>The tenant's conversations matching <paramref name="query"/>, most recently active first.</summary>
    Task<IReadOnlyList<ConversationView>> ListAsync(string tenant, ConversationQuery query, CancellationToken cancellationToken = default);
}
