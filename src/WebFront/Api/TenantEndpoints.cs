using System.Security.Claims;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Hubs.Internal;

namespace CustomerService.WebFront.Api;

/// <summary><c>/groups</c>, <c>/canned-replies</c> (read: agents; change: admins) and <c>/settings</c> (admins).</summary>
internal static class TenantEndpoints
{
    public static RouteGroupBuilder MapTenantEndpoints(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("").WithTags("tenant").RequireAuthorization(AuthExtensions.AgentPolicy);
        var admins = api.MapGroup("").WithTags("tenant").RequireAuthorization(AuthExtensions.AdminPolicy);

        agents.MapGet("/groups", async (ClaimsPrincipal user, IGrainFactory grains) => await Tenant(user, grains).ListGroups());
        admins.MapPost("/groups", async (AgentGroup group, ClaimsPrincipal user, IGrainFactory grains) =>
            await Tenant(user, grains).SaveGroup(group with { Id = Payloads.Id(group.Id, "id") }));
        admins.MapDelete("/groups/{id}", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await Tenant(user, grains).DeleteGroup(Payloads.Id(id, "id"));
            return Results.NoContent();
        });

        agents.MapGet("/canned-replies", async (ClaimsPrincipal user, IGrainFactory grains) => await Tenant(user, grains).ListCannedReplies());
        admins.MapPost("/canned-replies", async (CannedReply reply, ClaimsPrincipal user, IGrainFactory grains) =>
            await Tenant(user, grains).SaveCannedReply(reply));
        admins.MapDelete("/canned-replies/{id}", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await Tenant(user, grains).DeleteCannedReply(Payloads.Id(id, "id"));
            return Results.NoContent();
        });

        admins.MapGet("/settings", async (ClaimsPrincipal user, IGrainFactory grains) => await Tenant(user, grains).GetSettings());
        admins.MapPut("/settings", async (TenantSettings settings, ClaimsPrincipal user, IGrainFactory grains, TenantDirectory tenants) =>
        {
            var saved = await Tenant(user, grains).UpdateSettings(settings);
            tenants.Invalidate(user.TenantId());
            return saved;
        });
        return api;
    }

    private static ITenantGrain Tenant(ClaimsPrincipal user, IGrainFactory grains) => grains.GetGrain<ITenantGrain>(user.TenantId());
}
