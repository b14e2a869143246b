using System.Security.Claims;
using CustomerService.Grains;
using CustomerService.Grains.Conversations;

namespace CustomerService.WebFront.Auth;

/// <summary>Claim names of agent and visitor tokens, and the identities hubs and endpoints build from them.</summary>
public static class WebFrontClaims
{
    /// <summary><c>agent</c> or <c>visitor</c>.</summary>
    public const string Kind = "kind";
    /// <summary>The tenant id.</summary>
    public const string Tenant = "tenant";
    /// <summary>The agent or visitor id within the tenant.</summary>
    public const string Subject = "sub";
    /// <summary><c>agent</c> or <c>admin</c> (agents only).</summary>
    public const string Role = "role";
    /// <summary>The display name.</summary>
    public const string Name = "name";

    /// <summary>The authentication scheme of agent tokens.</summary>
    public const string AgentScheme = "Agent";
    /// <summary>The authentication scheme of visitor tokens.</summary>
    public const string VisitorScheme = "Visitor";

    /// <summary>The tenant id of the caller.</summary>
    public static string TenantId(this ClaimsPrincipal user) => user.FindFirstValue(Tenant) ?? throw Unauthorized();

    /// <summary>The agent or visitor id of the caller, without the tenant prefix.</summary>
    public static string SubjectId(this ClaimsPrincipal user) => user.FindFirstValue(Subject) ?? throw Unauthorized();

    /// <summary>The grain key of the caller's own agent or visitor grain.</summary>
    public static string SubjectKey(this ClaimsPrincipal user) => $"{user.TenantId()}/{user.SubjectId()}";

    /// <summary>Whether the caller is an admin agent.</summary>
    public static bool IsAdmin(this ClaimsPrincipal user) => user.FindFirstValue(Role) == "admin";

    /// <summary>The participant the caller acts as on conversations.</summary>
    public static Participant ToParticipant(this ClaimsPrincipal user) => new(
        user.FindFirstValue(Kind) == "agent" ? AuthorKind.Agent : AuthorKind.Visitor,
        user.SubjectId(),
        user.FindFirstValue(Name) ?? "");

    private static ChatException Unauthorized() => new("unauthorized", "The token does not name a tenant and a subject.");
}
