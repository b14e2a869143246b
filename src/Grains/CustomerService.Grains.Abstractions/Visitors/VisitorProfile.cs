using CustomerService.Runtime;

namespace CustomerService.Grains.Visitors;

/// <summary>What agents see of a visitor (the wire result of <c>GetVisitor</c>).</summary>
/// <param name="Id">The visitor id within the tenant.</param>
/// <param name="Name">The name given in the pre-chat form or by <c>identify</c>.</param>
/// <param name="Email">The email given.</param>
/// <param name="UserId">The host site's user id, when given.</param>
/// <param name="Verified">The user id came with a valid <c>userHash</c>.</param>
/// <param name="Page">The page the widget was opened on, last seen.</param>
/// <param name="Referrer">The referrer of that page.</param>
/// <param name="Device">The browser's user agent, shortened.</param>
/// <param name="Online">At least one widget connection (tab or device) is open.</param>
/// <param name="ConversationId">The visitor's current conversation key, if any.</param>
[Immutable]
[Alias("visitorProfile")]
public sealed record VisitorProfile(
    string Id,
    string? Name,
    string? Email,
    string? UserId,
    bool Verified,
    string? Page,
    string? Referrer,
    string? Device,
    bool Online,
    string? ConversationId);

/// <summary>What a widget session tells about the visitor; null fields keep what is known. The front-end sets
/// <see cref="Verified"/> only after checking the <c>userHash</c>.</summary>
[Immutable]
[Alias("visitorSession")]
public sealed record VisitorSession(
    string? Name,
    string? Email,
    string? UserId,
    bool Verified,
    string? Page,
    string? Referrer,
    string? Device);
