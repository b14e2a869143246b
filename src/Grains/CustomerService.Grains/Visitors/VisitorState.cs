namespace CustomerService.Grains.Visitors;

/// <summary>The persistent state of a visitor. Connections are not here: widgets renew them.</summary>
public sealed class VisitorState
{
    /// <summary>The name given.</summary>
    public string? Name { get; set; }

    /// <summary>The email given.</summary>
    public string? Email { get; set; }

    /// <summary>The host site's user id.</summary>
    public string? UserId { get; set; }

    /// <summary>The user id came with a valid <c>userHash</c>.</summary>
    public bool Verified { get; set; }

    /// <summary>The page last seen.</summary>
    public string? Page { get; set; }

    /// <summary>That page's referrer.</summary>
    public string? Referrer { get; set; }

    /// <summary>The user agent, shortened.</summary>
    public string? Device { get; set; }

    /// <summary>The current conversation key, once chosen.</summary>
    public string? ConversationId { get; set; }
}
