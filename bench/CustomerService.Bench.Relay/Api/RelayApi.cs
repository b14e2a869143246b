using System.Diagnostics;
using CustomerService.Bench.Relay.Auth;
using CustomerService.Bench.Relay.Conversations;
using CustomerService.Bench.Relay.Hubs;

namespace CustomerService.Bench.Relay.Api;

public sealed record SessionRequest(string? Tenant, string? VisitorId);

public sealed record SessionResponse(string VisitorId, string VisitorToken, string? ConversationId);

public sealed record LoginRequest(string? Tenant, string? Email, string? Password);

public sealed record AgentInfo(string Id, string Email, string Name, string Role, string Status, int Capacity, IReadOnlyList<string> Groups);

public sealed record LoginResponse(string Token, DateTime ExpiresAt, AgentInfo Agent);

/// <summary>Process memory as the load generator reads it; WebFront serves the same shape at the same path.</summary>
public sealed record MemoryResponse(long WorkingSet, long GcHeap, long Connections, long ProcessorTimeMs);

public static class RelayApi
{
    public static IEndpointRouteBuilder MapRelayApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapPost("/widget/session", (SessionRequest request, RelayConversations conversations) =>
        {
            if (!RelayToken.IsTenant(request.Tenant)) return Problem("invalid_argument", "tenant is missing or malformed");
            var visitorId = string.IsNullOrEmpty(request.VisitorId) || request.VisitorId.Length > 100
                ? Guid.NewGuid().ToString("N")
                : request.VisitorId;
            var token = new RelayToken(RelayToken.Visitor, request.Tenant!, visitorId).ToString();
            return Results.Ok(new SessionResponse(visitorId, token, conversations.OfVisitor(request.Tenant!, visitorId)?.Id));
        });
        // Any e-mail and password log in: the relay measures the message path, not authentication.
        api.MapPost("/auth/login", (LoginRequest request, TimeProvider time) =>
        {
            if (!RelayToken.IsTenant(request.Tenant) || string.IsNullOrEmpty(request.Email) || request.Email.Length > 100)
                return Problem("invalid_argument", "tenant and email are required");
            var agent = new AgentInfo(request.Email, request.Email, "Agent", "admin", "online", 50, []);
            var token = new RelayToken(RelayToken.Agent, request.Tenant!, agent.Id).ToString();
            return Results.Ok(new LoginResponse(token, time.GetUtcNow().UtcDateTime.AddHours(12), agent));
        });
        // ?collect=true runs a full blocking GC first, so that gcHeap counts live objects only.
        app.MapGet("/metrics/memory", (bool? collect, ConnectionCounter counter) =>
        {
            if (collect == true)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            using var process = Process.GetCurrentProcess();
            return new MemoryResponse(process.WorkingSet64, GC.GetTotalMemory(false), counter.Open, (long)process.TotalProcessorTime.TotalMilliseconds);
        });
        return app;
    }

    private static IResult Problem(string code, string title) =>
        Results.Problem(title: title, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["code"] = code });
}
