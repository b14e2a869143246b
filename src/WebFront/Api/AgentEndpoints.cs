using System.Collections.Immutable;
using System.Security.Claims;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Hubs;

namespace CustomerService.WebFront.Api;

/// <summary><c>/agents</c>: admins manage the tenant's agents.</summary>
internal static class AgentEndpoints
{
    public sealed record AgentRequest(string? Email, string? Name, string? Role, string? Password, int? Capacity, ImmutableArray<string>? Groups);

    public static RouteGroupBuilder MapAgentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agents").WithTags("agents").RequireAuthorization(AuthExtensions.AdminPolicy);
        group.MapGet("", async (ClaimsPrincipal user, IGrainFactory grains) =>
            (await Tenant(user, grains).ListAgents()).Select(a => a.ToWire()).ToImmutableArray());
        group.MapPost("", async (AgentRequest request, ClaimsPrincipal user, IGrainFactory grains, AgentPasswords passwords) =>
        {
            if (string.IsNullOrEmpty(request.Password)) return ApiProblems.Problem("invalid_argument", "password is required for a new agent.");
            return Results.Ok((await Tenant(user, grains).CreateAgent(ToUpdate(request, passwords))).ToWire());
        });
        group.MapPut("/{id}", async (string id, AgentRequest request, ClaimsPrincipal user, IGrainFactory grains, AgentPasswords passwords) =>
            (await Tenant(user, grains).UpdateAgent(Hubs.Internal.Payloads.Id(id, "id"), ToUpdate(request, passwords))).ToWire());
        group.MapDelete("/{id}", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await Tenant(user, grains).RemoveAgent(Hubs.Internal.Payloads.Id(id, "id"));
            return Results.NoContent();
        });
        return api;
    }

    private static ITenantGrain Tenant(ClaimsPrincipal user, IGrainFactory grains) => grains.GetGrain<ITenantGrain>(user.TenantId());

    private static AgentUpdate ToUpdate(AgentRequest r, AgentPasswords passwords)
    {
        if (string.IsNullOrWhiteSpace(r.Email) || string.IsNullOrWhiteSpace(r.Name))
            throw Hubs.Internal.Payloads.Invalid("email and name are required.");
        var role = r.Role switch
        {
            null or "agent" => AgentRole.Agent,
            "admin" => AgentRole.Admin,
            _ => throw Hubs.Internal.Payloads.Invalid("role must be agent or admin."),
        };
        if (r.Password is { Length: > 0 and < 8 }) throw Hubs.Internal.Payloads.Invalid("password must have at least 8 characters.");
        return new AgentUpdate(r.Email.Trim(), r.Name.Trim(), role, r.Capacity ?? 5, r.Groups ?? [],
            string.IsNullOrEmpty(r.Password) ? null : passwords.Hash(r.Password));
    }
}
