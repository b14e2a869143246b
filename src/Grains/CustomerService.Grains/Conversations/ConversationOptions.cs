namespace CustomerService.Grains.Conversations;

/// <summary>Limits and timings of conversation grains, bound from the <c>Conversations</c> configuration section.</summary>
public sealed class ConversationOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Conversations";

    /// <summary>Longest message text in UTF-8 bytes (8 KB).</summary>
    public int MaxTextBytes { get; set; } = 8 * 1024;

    /// <summary>Longest client message id, in characters.</summary>
    public int MaxClientMessageIdLength { get; set; } = 100;

    /// <summary>Most attachments per message.</summary>
    public int MaxAttachments { get; set; } = 10;

    /// <summary>How long an observer subscription lasts unless renewed.</summary>
    public TimeSpan SubscriptionExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a send retries after another activation took the seq it proposed.</summary>
    public int MaxSeqRetries { get; set; } = 5;

    /// <summary>How many stored messages may wait in memory before the conversation's state is written. A message is
    /// durable once the message store committed it, and a new activation folds the messages stored after the state's
    /// last seq back in, so this bounds only how many it reads back on activation. 1 writes the state for every message
    /// (the behaviour before this option, one more commit before each ack).</summary>
    public int MaxUnwrittenMessages { get; set; } = 100;
}
