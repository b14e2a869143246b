using System.Security.Claims;
using CustomerService.Grains.Agents;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Auth;

/// <summary>Issues agent and visitor tokens: authentication tickets protected with Data Protection (authenticated
/// encryption with the keys in <c>WebFront:KeysDirectory</c>), each scheme with its own purpose, so a visitor token
/// is no agent token, and no token can be forged or altered without the keys. The expiry is inside the ticket.</summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> bearer, IOptionsMonitor<AuthOptions> options, TimeProvider time)
{
    /// <summary>A login token for <paramref name="agent"/> of <paramref name="tenant"/>.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueAgent(string tenant, AgentProfile agent) => Issue(
        WebFrontClaims.AgentScheme,
        options.CurrentValue.AgentTokenLifetime,
        new Claim(WebFrontClaims.Kind, "agent"),
        new Claim(WebFrontClaims.Tenant, tenant),
        new Claim(WebFrontClaims.Subject, agent.Id),
        new Claim(WebFrontClaims.Role, agent.Role == AgentRole.Admin ? "admin" : "agent"),
        new Claim(WebFrontClaims.Name, agent.Name));

    /// <summary>A visitor token naming the tenant and the visitor.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueVisitor(string tenant, string visitorId, string name) => Issue(
        WebFrontClaims.VisitorScheme,
        options.CurrentValue.VisitorTokenLifetime,
        new Claim(WebFrontClaims.Kind, "visitor"),
        new Claim(WebFrontClaims.Tenant, tenant),
        new Claim(WebFrontClaims.Subject, visitorId),
        new Claim(WebFrontClaims.Name, name));

    private (string, DateTimeOffset) Issue(string scheme, TimeSpan lifetime, params Claim[] claims)
    {
        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var identity = new ClaimsIdentity(claims, scheme, WebFrontClaims.Name, WebFrontClaims.Role);
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires };
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), properties, scheme);
        return (bearer.Get(scheme).BearerTokenProtector.Protect(ticket), expires);
    }
}
