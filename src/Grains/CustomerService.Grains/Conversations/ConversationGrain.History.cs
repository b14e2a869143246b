using System.Collections.Immutable;
using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    /// <inheritdoc />
    public async Task<ImmutableArray<ChatMessage>> Resume(Participant participant, long afterSeq, int limit)
    {
        Authorize(participant);
        if (afterSeq < 0) throw new ChatException(ChatErrorCodes.InvalidArgument, $"The seq is {afterSeq}; it must not be negative.");
        ConversationRules.CheckLimit(limit);
        var hidePrivate = participant.Kind == AuthorKind.Visitor;
        var result = ImmutableArray.CreateBuilder<ChatMessage>();
        // Pages are refilled after private notes are taken out, so a visitor's short page still means "no more".
        while (result.Count < limit)
        {
            var page = await store.GetAfterAsync(conversationId, afterSeq, limit);
            foreach (var message in page)
            {
                if (hidePrivate && message.Private) continue;
                if (result.Count < limit) result.Add(message);
            }

            if (page.Count < limit) break;
            afterSeq = page[^1].Seq;
        }

        return result.ToImmutable();
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<ChatMessage>> GetHistory(Participant participant, long? beforeSeq, int limit)
    {
        Authorize(participant);
        if (beforeSeq < 1) throw new ChatException(ChatErrorCodes.InvalidArgument, $"The seq is {beforeSeq}; it must be at least 1.");
        ConversationRules.CheckLimit(limit);
        var hidePrivate = participant.Kind == AuthorKind.Visitor;
        var newestFirst = new List<ChatMessage>();
        while (newestFirst.Count < limit)
        {
            var page = await store.GetHistoryAsync(conversationId, beforeSeq, limit);
            for (var i = page.Count - 1; i >= 0 && newestFirst.Count < limit; i--)
            {
                if (!(hidePrivate && page[i].Private)) newestFirst.Add(page[i]);
            }

            if (page.Count < limit) break;
            beforeSeq = page[0].Seq;
        }

        newestFirst.Reverse();
        return [.. newestFirst];
    }
}
