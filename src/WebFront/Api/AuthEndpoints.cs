using CustomerService.Grains.Agents;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;
using CustomerService.WebFront.Auth;

namespace CustomerService.WebFront.Api;

/// <summary><c>POST /api/v1/auth/login</c>.</summary>
internal static class AuthEndpoints
{
    public sealed record LoginRequest(string? Tenant, string? Email, string? Password);
    public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, AgentProfile Agent);

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", Login).WithTags("auth").AllowAnonymous();
        return api;
    }

    private static async Task<IResult> Login(LoginRequest request, IGrainFactory grains, AgentPasswords passwords, TokenIssuer tokens)
    {
        if (!TenantIds.IsValid(request.Tenant) || string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return ApiProblems.Problem("invalid_argument", "tenant, email and password are required.");
        var tenant = grains.GetGrain<ITenantGrain>(request.Tenant!);
        var agentId = await tenant.Exists() ? await tenant.FindAgentId(request.Email.Trim()) : null;
        var agent = agentId is null ? null : grains.GetGrain<IAgentGrain>($"{request.Tenant}/{agentId}");
        var hash = agent is null ? null : await agent.GetPasswordHash();
        if (!passwords.Verify(hash, request.Password!)) return ApiProblems.Problem("unauthorized", "Wrong tenant, email or password.");
        var profile = await agent!.GetProfile();
        var (token, expiresAt) = tokens.IssueAgent(request.Tenant!, profile);
        return Results.Ok(new LoginResponse(token, expiresAt, profile with { Groups = profile.Groups.IsDefault ? [] : profile.Groups }));
    }
}
