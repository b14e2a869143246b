using System.Collections.Immutable;
using CustomerService.Grains.Messages;
using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

/// <summary>The tenant's conversation list (see <see cref="IConversationListGrain"/>), read from the conversation
/// index the conversation grains keep, and history search through the message store. Holds no state; a read first
/// waits for the summaries this silo has queued, so a list read after a change on the same silo shows it.</summary>
[Alias("conversationList")]
public sealed class ConversationListGrain(IConversationIndex index, IMessageStore store) : Grain, IConversationListGrain
{
    private const int MaxLabelLength = 50;

    /// <inheritdoc />
    public async Task<ImmutableArray<ConversationView>> List(ConversationQuery query)
    {
        if (query is null) throw new ChatException(ChatErrorCodes.InvalidArgument, "The query is missing.");
        ConversationRules.CheckLimit(query.Limit);
        if (query.AssigneeId is { Length: 0 or > 100 })
            throw new ChatException(ChatErrorCodes.InvalidArgument, "The assignee id must be 1 to 100 characters.");
        if (query.Label is { } label && (label.Length is 0 or > MaxLabelLength || label.Contains('|', StringComparison.Ordinal)))
            throw new ChatException(ChatErrorCodes.InvalidArgument, "The label must be 1 to 50 letters, digits, '-' or '_'.");
        if (query.Status is { } status && !Enum.IsDefined(status))
            throw new ChatException(ChatErrorCodes.InvalidArgument, "The status is unknown.");
        await index.FlushAsync();
        var normalized = query.Label is null ? query : query with { Label = query.Label.ToLowerInvariant() };
        return [.. await index.ListAsync(this.GetPrimaryKeyString(), normalized)];
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<ChatMessage>> Search(string query, int limit)
    {
        ConversationRules.CheckLimit(limit);
        try
        {
            return [.. await store.SearchAsync(this.GetPrimaryKeyString(), query, limit, includePrivate: true)];
        }
        catch (ArgumentException e)
        {
            throw new ChatException(ChatErrorCodes.InvalidArgument, e.Message);
        }
    }
}
