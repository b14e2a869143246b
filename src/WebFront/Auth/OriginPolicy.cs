namespace CustomerService.WebFront.Auth;

/// <summary>Whether a browser origin may use a tenant's widget: <c>*</c> allows any; otherwise scheme, host and port
/// must match an allowed origin. Requests without an <c>Origin</c> header come from non-browser clients, which are
/// not the cross-site risk origins guard against, and are allowed.</summary>
public static class OriginPolicy
{
    /// <summary>Whether <paramref name="origin"/> is allowed by <paramref name="allowedOrigins"/>.</summary>
    public static bool IsAllowed(IEnumerable<string> allowedOrigins, string? origin)
    {
        if (string.IsNullOrEmpty(origin)) return true;
        var normalized = Normalize(origin);
        foreach (var allowed in allowedOrigins)
        {
            if (allowed == "*") return true;
            if (string.Equals(Normalize(allowed), normalized, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private static string Normalize(string origin) =>
        Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}:{uri.Port}" : origin.Trim().TrimEnd('/');
}
