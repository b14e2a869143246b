using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CustomerService.Bench.Relay.Auth;

/// <summary>
/// Reads the token as the SignalR JavaScript client sends it: "Authorization: Bearer" on negotiate and HTTP
/// requests, the access_token query string on WebSockets (browsers cannot set headers there).
/// </summary>
public sealed class RelayTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "RelayToken";
    public const string KindClaim = "kind";
    public const string TenantClaim = "tenant";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? raw = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) raw = header[7..].Trim();
        else if (Request.Path.StartsWithSegments("/hubs")) raw = Request.Query["access_token"];
        if (raw is null) return Task.FromResult(AuthenticateResult.NoResult());
        if (!RelayToken.TryParse(raw, out var token)) return Task.FromResult(AuthenticateResult.Fail("unauthorized"));

        var identity = new ClaimsIdentity(
            [
                new Claim(KindClaim, token.Kind.ToString()),
                new Claim(TenantClaim, token.Tenant),
                new Claim(ClaimTypes.NameIdentifier, token.Id),
            ],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
