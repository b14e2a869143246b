using System.Collections.Immutable;
using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

/// <summary>A tenant's conversations as a list, keyed by tenant id: what the console's queue, "mine" and "all" views
/// and history search read. Backed by an index the conversation grains keep up to date, so it may trail a
/// conversation's own state by a moment.</summary>
[Alias("conversationList")]
public interface IConversationListGrain : IGrainWithStringKey
{
    /// <summary>Conversations matching <paramref name="query"/>, most recently active first.</summary>
    [Alias("list"), ReadOnly]
    Task<ImmutableArray<ConversationView>> List(ConversationQuery query);

    /// <summary>Messages of the tenant matching a text search (private notes included: agents only), newest first,
    /// up to <paramref name="limit"/> (1..200).</summary>
    [Alias("search"), ReadOnly]
    Task<ImmutableArray<ChatMessage>> Search(string query, int limit);
}

/// <summary>A filter over a tenant's conversations.</summary>
/// <param name="Status">Only this status, if set.</param>
/// <param name="AssigneeId">Only those assigned to this agent, if set.</param>
/// <param name="Unassigned">Only those without an agent (queued or with the bot).</param>
/// <param name="Label">Only those with this label, if set.</param>
/// <param name="Before">Only those last active before this time (paging), if set.</param>
/// <param name="Limit">At most this many (1..200).</param>
[Immutable]
[Alias("conversationQuery")]
public sealed record ConversationQuery(
    ConversationStatus? Status,
    string? AssigneeId,
    bool Unassigned,
    string? Label,
    DateTimeOffset? Before,
    int Limit);
