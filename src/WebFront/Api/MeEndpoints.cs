using System.Security.Claims;
using CustomerService.Grains.Agents;
using CustomerService.Runtime;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Hubs;

namespace CustomerService.WebFront.Api;

/// <summary><c>GET /api/v1/me</c>.</summary>
internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (ClaimsPrincipal user, IGrainFactory grains) =>
            (await grains.GetGrain<IAgentGrain>(user.SubjectKey()).GetProfile()).ToWire())
            .WithTags("agents").RequireAuthorization(AuthExtensions.AgentPolicy);
        return api;
    }
}
