namespace CustomerService.WebFront;

/// <summary>The id formats of docs/protocol.md.</summary>
public static class TenantIds
{
    /// <summary>A tenant id: <c>[a-z0-9-]{1,40}</c>.</summary>
    public static bool IsValid(string? tenant) =>
        tenant is { Length: >= 1 and <= 40 } && tenant.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>A conversation, visitor or agent id: 1..100 characters, no <c>/</c>, no control characters.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: >= 1 and <= 100 } && !id.Any(c => c == '/' || char.IsControl(c) || char.IsWhiteSpace(c));
}
