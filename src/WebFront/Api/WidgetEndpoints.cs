using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using CustomerService.Grains.Routing;
using CustomerService.Grains.Tenants;
using CustomerService.Grains.Visitors;
using CustomerService.Runtime;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Hubs;
using CustomerService.WebFront.Hubs.Internal;

namespace CustomerService.WebFront.Api;

/// <summary>The widget's session and settings (called from customers' pages, hence CORS).</summary>
internal static class WidgetEndpoints
{
    public sealed record SessionRequest(string? Tenant, string? VisitorId, string? UserId, string? UserHash,
        string? Name, string? Email, string? Page, string? Referrer);
    public sealed record SessionResponse(string VisitorId, string VisitorToken, string? ConversationId, WidgetSettings Settings);
    public sealed record WidgetSettings(string Tenant, string Name, string PrimaryColor, string Greeting, string OfflineMessage,
        PreChatForm PreChatForm, bool AgentsOnline, bool BotEnabled);

    public static RouteGroupBuilder MapWidgetEndpoints(this RouteGroupBuilder api)
    {
        var widget = api.MapGroup("/widget").WithTags("widget").RequireCors(CorsPolicies.Widget);
        widget.MapPost("/session", CreateSession).AllowAnonymous();
        widget.MapGet("/settings", GetSettings).AllowAnonymous();
        return api;
    }

    private static async Task<IResult> CreateSession(SessionRequest request, HttpContext http, IGrainFactory grains, TenantDirectory tenants, TokenIssuer tokens)
    {
        if (!TenantIds.IsValid(request.Tenant)) return ApiProblems.Problem("invalid_argument", "tenant must match [a-z0-9-]{1,40}.");
        var tenant = request.Tenant!;
        var settings = await tenants.GetAsync(tenant);
        if (settings is null) return ApiProblems.Problem("not_found", "The tenant does not exist.");
        if (!OriginPolicy.IsAllowed(settings.AllowedOrigins.IsDefault ? [] : settings.AllowedOrigins, http.Request.Headers.Origin.ToString()))
            return ApiProblems.Problem("forbidden", "This origin may not use the tenant's widget: add it to the tenant's allowed origins.");
        if (Too(request.Name, 200) || Too(request.Email, 320) || Too(request.UserId, 200) || Too(request.Page, 2000) || Too(request.Referrer, 2000))
            return ApiProblems.Problem("too_large", "A field of the session is too long.");

        var verified = false;
        if (request.UserHash is not null)
        {
            if (string.IsNullOrEmpty(request.UserId)) return ApiProblems.Problem("invalid_argument", "userHash needs userId.");
            if (!IdentityVerification.IsValid(settings.IdentitySecret, request.UserId, request.UserHash))
                return ApiProblems.Problem("forbidden", "userHash does not match userId: compute it as hex HMAC-SHA256 of the user id with the tenant's identity secret.");
            verified = true;
        }

        var visitorId = verified ? VerifiedVisitorId(tenant, request.UserId!) : IsIssuedVisitorId(request.VisitorId) ? request.VisitorId! : NewVisitorId();
        var device = http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 200)] : null;
        var visitor = grains.GetGrain<IVisitorGrain>($"{tenant}/{visitorId}");
        var profile = await visitor.Identify(new VisitorSession(request.Name, request.Email, request.UserId, verified, request.Page, request.Referrer, device));
        var (token, _) = tokens.IssueVisitor(tenant, visitorId, profile.Name ?? request.Name ?? "Visitor");
        var conversationId = profile.ConversationId is null ? null : Wire.Id(profile.ConversationId);
        return Results.Ok(new SessionResponse(visitorId, token, conversationId, await ToWidgetSettings(tenant, settings, grains)));
    }

    private static async Task<IResult> GetSettings(string? tenant, IGrainFactory grains, TenantDirectory tenants)
    {
        if (!TenantIds.IsValid(tenant)) return ApiProblems.Problem("invalid_argument", "tenant must match [a-z0-9-]{1,40}.");
        var settings = await tenants.GetAsync(tenant!);
        return settings is null ? ApiProblems.Problem("not_found", "The tenant does not exist.") : Results.Ok(await ToWidgetSettings(tenant!, settings, grains));
    }

    private static async Task<WidgetSettings> ToWidgetSettings(string tenant, TenantSettings s, IGrainFactory grains)
    {
        var online = await AgentsOnline(tenant, grains);
        var form = s.PreChatForm with { Fields = s.PreChatForm.Fields.IsDefault ? [] : s.PreChatForm.Fields };
        return new WidgetSettings(tenant, s.Name, s.PrimaryColor, s.Greeting, s.OfflineMessage, form, online, s.BotEnabled);
    }

    private static async Task<bool> AgentsOnline(string tenant, IGrainFactory grains)
    {
        try
        {
            return (await grains.GetGrain<IRouterGrain>(tenant).GetQueue()).AgentsOnline > 0;
        }
        catch (Exception)
        {
            return false; // the widget still opens (with the offline form) while routing is briefly unavailable
        }
    }

    private static bool Too(string? value, int max) => value is not null && value.Length > max;

    // Visitor ids are 128 random bits, so knowing one is as good as holding its session; a verified user's id is
    // derived from the user id and is only used when the request proves that user with a valid userHash.
    private static string NewVisitorId() => "v" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private static bool IsIssuedVisitorId(string? id) => id is { Length: 33 } && id[0] == 'v' && id.Skip(1).All(char.IsAsciiHexDigitLower);

    private static string VerifiedVisitorId(string tenant, string userId) =>
        "u" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant}\n{userId}")))[..32].ToLowerInvariant();
}
