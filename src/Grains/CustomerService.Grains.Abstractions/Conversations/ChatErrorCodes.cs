namespace CustomerService.Grains.Conversations;

/// <summary>The stable codes of <see cref="ChatException.Code"/>; hubs pass them to clients unchanged.</summary>
public static class ChatErrorCodes
{
    /// <summary>A malformed argument: empty text, a bad id, a seq out of range, a limit out of range.</summary>
    public const string InvalidArgument = "invalid_argument";

    /// <summary>Text, an id or the attachment list is over its configured limit.</summary>
    public const string TooLarge = "too_large";

    /// <summary>The conversation does not exist (no visitor has written to it yet).</summary>
    public const string NotFound = "not_found";

    /// <summary>The caller is not a participant who may do this (another visitor, a bot marking read, a visitor
    /// writing a private note).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>The conversation is closed and only a visitor's message reopens it.</summary>
    public const string Closed = "closed";

    /// <summary>Other activations kept taking the next seq; nothing was stored, the send may be retried.</summary>
    public const string Conflict = "conflict";
}
