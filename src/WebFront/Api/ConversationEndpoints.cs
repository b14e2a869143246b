using System.Collections.Immutable;
using System.Security.Claims;
using CustomerService.Grains;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Runtime;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Hubs;
using CustomerService.WebFront.Hubs.Internal;

namespace CustomerService.WebFront.Api;

/// <summary>Conversations, their messages and history search, for agents of the token's tenant.</summary>
internal static class ConversationEndpoints
{
    public static RouteGroupBuilder MapConversationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("conversations").RequireAuthorization(AuthExtensions.AgentPolicy);
        group.MapGet("/conversations", List);
        group.MapGet("/conversations/{id}", Get);
        group.MapGet("/conversations/{id}/messages", Messages);
        group.MapGet("/search", Search);
        return api;
    }

    private static async Task<ImmutableArray<ConversationView>> List(ClaimsPrincipal user, IGrainFactory grains,
        string? status, string? assignee, string? query, string? before, int? limit)
    {
        var filter = ConversationFilters.Build(status, assignee, query, before, Limit(limit, 50), user.SubjectId());
        var list = await grains.GetGrain<IConversationListGrain>(user.TenantId()).List(filter);
        return (await list.WithUnreadOfAsync(grains.GetGrain<IAgentGrain>(user.SubjectKey()))).ToWire();
    }

    private static async Task<ConversationView> Get(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        (await Conversation(id, user, grains).GetView(user.ToParticipant())).ToWire();

    private static async Task<ImmutableArray<ChatMessage>> Messages(string id, ClaimsPrincipal user, IGrainFactory grains, long? before, int? limit) =>
        (await Conversation(id, user, grains).GetHistory(user.ToParticipant(), before, Limit(limit, 50))).ToWire();

    private static async Task<ImmutableArray<ChatMessage>> Search(ClaimsPrincipal user, IGrainFactory grains, string? q, int? limit)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200) throw Payloads.Invalid("q must have 1 to 200 characters.");
        return (await grains.GetGrain<IConversationListGrain>(user.TenantId()).Search(q, Limit(limit, 50))).ToWire();
    }

    private static IConversationGrain Conversation(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        grains.GetGrain<IConversationGrain>($"{user.TenantId()}/{Payloads.Id(id)}");

    private static int Limit(int? limit, int fallback) =>
        limit is null ? fallback : limit is >= 1 and <= 200 ? limit.Value : throw Payloads.Invalid("limit must be 1 to 200.");
}
