using CustomerService.WebFront.Hubs.Internal;
using Microsoft.AspNetCore.Authorization;

namespace CustomerService.WebFront.Auth;

/// <summary>A widget connection must come from one of its tenant's allowed origins (or from a non-browser client,
/// which sends no Origin). Checked at negotiate and connect, before the SignalR handshake, so a refused page never
/// gets a connection.</summary>
public sealed class AllowedOriginRequirement : IAuthorizationRequirement;

internal sealed class AllowedOriginHandler(TenantDirectory tenants) : AuthorizationHandler<AllowedOriginRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AllowedOriginRequirement requirement)
    {
        if (context.Resource is not HttpContext http || context.User.FindFirst(WebFrontClaims.Tenant)?.Value is not { } tenant) return;
        var settings = await tenants.GetAsync(tenant);
        if (settings is null) return;
        var allowed = settings.AllowedOrigins.IsDefault ? [] : settings.AllowedOrigins;
        if (OriginPolicy.IsAllowed(allowed, http.Request.Headers.Origin.ToString())) context.Succeed(requirement);
    }
}
