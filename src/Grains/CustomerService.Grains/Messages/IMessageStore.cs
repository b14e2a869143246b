namespace CustomerService.Grains.Messages;

/// <summary>The append-only store of conversation messages, with per-conversation sequence numbers enforced unique by
/// the database, deduplication by client message id, history, resume and tenant-wide search.</summary>
public interface IMessageStore : IAsyncDisposable
{
    /// <summary>Largest page <see cref="GetHistoryAsync"/>, <see cref="GetAfterAsync"/> and <see cref="SearchAsync"/>
    /// return.</summary>
    const int MaxPageSize = 200;

    /// <summary>Appends a message. Appends of all conversations are written together in batches (group commit), and
    /// the result is reported only after the batch committed durably.</summary>
    /// <exception cref="ArgumentException">The message is malformed or too large; nothing was stored.</exception>
    /// <remarks>Cancelling stops the wait, not a write that was already queued: the caller may retry with the same
    /// client message id and gets the first acknowledgement if it was stored.</remarks>
    Task<AppendResult> AppendAsync(NewMessage message, CancellationToken cancellationToken = default);

    /// <summary>A page of history, going backwards from the newest message: up to <paramref name="limit"/> messages
    /// with seq below <paramref name="beforeSeq"/> (below nothing when null, i.e. the newest), namely the ones closest to
    /// it, returned in ascending seq order. To page further back pass the first returned seq as the next
    /// <paramref name="beforeSeq"/>; an empty page means the beginning was reached.</summary>
    /// <exception cref="ArgumentException">Empty conversation id, <paramref name="beforeSeq"/> below 1, or
    /// <paramref name="limit"/> outside 1..<see cref="MaxPageSize"/>.</exception>
    Task<IReadOnlyList<ChatMessage>> GetHistoryAsync(string conversationId, long? beforeSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>For resume: up to <paramref name="limit"/> messages with seq above <paramref name="afterSeq"/>, in
    /// ascending seq order. Call again from the last returned seq until a page is shorter than the limit.</summary>
    /// <exception cref="ArgumentException">Empty conversation id, negative <paramref name="afterSeq"/>, or
    /// <paramref name="limit"/> outside 1..<see cref="MaxPageSize"/>.</exception>
    Task<IReadOnlyList<ChatMessage>> GetAfterAsync(string conversationId, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>The highest seq stored for the conversation; 0 when it has no messages.</summary>
    Task<long> GetMaxSeqAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Messages of <paramref name="tenant"/> whose text contains every word of <paramref name="query"/>,
    /// newest first. Words of 3 or more characters use the full-text index; a query with a shorter word (e.g. a
    /// two-character Chinese word) or, on PostgreSQL, with CJK text, scans the tenant's most recent messages instead
    /// (bounded by <see cref="MessageStoreOptions.SearchScanLimit"/>). Every message committed before the call is seen:
    /// on SQLite, where the full-text index is filled after the commit, a full-text search waits for it to catch up.</summary>
    /// <exception cref="ArgumentException">Empty tenant, empty or over-long query, or <paramref name="limit"/> outside
    /// 1..<see cref="MaxPageSize"/>.</exception>
    Task<IReadOnlyList<ChatMessage>> SearchAsync(string tenant, string query, int limit, bool includePrivate = false, CancellationToken cancellationToken = default);
}
