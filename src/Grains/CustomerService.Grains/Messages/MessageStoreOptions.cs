namespace CustomerService.Grains.Messages;

/// <summary>Settings of the message store, bound from the <c>MessageStore</c> configuration section.</summary>
public sealed class MessageStoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "MessageStore";

    /// <summary>The ADO.NET connection string of the SQLite file or the PostgreSQL database.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The messages table; SQLite's full-text table is named after it with <c>_fts</c>.</summary>
    public string TableName { get; set; } = "messages";

    /// <summary>Most appends committed in one transaction. 1 turns group commit off (one commit per message).</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Longest message text, in UTF-16 characters.</summary>
    public int MaxTextLength { get; set; } = 8 * 1024;

    /// <summary>Most attachments per message.</summary>
    public int MaxAttachments { get; set; } = 10;

    /// <summary>How many of a tenant's most recent messages a search without a usable full-text index looks through.</summary>
    public int SearchScanLimit { get; set; } = 20_000;

    /// <summary>The least time between two writes of the conversation index (the tenant's conversation list), and on
    /// SQLite between two rounds of the full-text indexer. The summaries of a conversation queued meanwhile collapse into
    /// its newest, so a busy conversation costs one row write per interval instead of one per message. A list read on a
    /// silo waits for that silo's queued summaries first, so it always shows that silo's changes; conversations on other
    /// silos show theirs up to this much later. A full-text search waits for the indexer to catch up first, so it always
    /// sees every committed message.</summary>
    public TimeSpan IndexWriteInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>SQLite only: most messages the full-text indexer adds to the index in one transaction. Messages are
    /// committed without full-text work; the indexer adds them afterwards, in transactions of up to this many rows.
    /// Larger batches cost less CPU per message (fewer, larger FTS5 segments to merge); a message commit that comes
    /// while the indexer writes waits for one of its transactions (on a busy 2-core machine about 8 ms of CPU for 200 rows, 47 ms for 1000).</summary>
    public int FullTextIndexBatchSize { get; set; } = 250;
}
