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
}
