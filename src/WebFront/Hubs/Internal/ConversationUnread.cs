using System.Collections.Immutable;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>The conversation list is an index that keeps nobody's read state, so its views carry no unread count; the
/// agent grain knows the agent's count in every conversation assigned to it.</summary>
internal static class ConversationUnread
{
    public static async Task<ImmutableArray<ConversationView>> WithUnreadOfAsync(this ImmutableArray<ConversationView> list, IAgentGrain agent)
    {
        if (list.IsEmpty) return list;
        var counts = (await agent.GetConversations()).ToDictionary(c => c.ConversationId, c => c.Unread, StringComparer.Ordinal);
        return [.. list.Select(view => counts.TryGetValue(view.Id, out var unread) ? view with { Unread = unread } : view)];
    }
}
