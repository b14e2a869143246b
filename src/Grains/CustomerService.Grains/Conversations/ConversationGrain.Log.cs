using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Conversations;

// What a message changes in the state is a function of the message log alone (its seq, author, privacy and time):
// the counters, LastSeq, the owner, the agents who took part and the response times. So a stored message is
// acknowledged and delivered after the message store's commit only; the state carrying it is written later (with the
// next state change, after MaxUnwrittenMessages messages, or on deactivation), and an activation that starts from an
// older state folds the store's tail (the messages after its LastSeq) into it before it serves a call.
//
// The counters stay exact because counting is a fold of one log: every copy counts the messages with seq 1..LastSeq
// into one slot (LogSlot) per side, so two copies hold counts of two prefixes of the same log and the G-counter's
// per-slot maximum keeps the longer one. Per-activation slots would count a message twice once a second activation
// re-reads a tail the first had counted but not yet written.
public sealed partial class ConversationGrain
{
    /// <summary>The G-counter slot every copy counts the log into (see the comment above).</summary>
    internal const string LogSlot = "log";

    // Messages folded into the state since it was last written; the state is written when this reaches
    // ConversationOptions.MaxUnwrittenMessages, which bounds what a new activation has to read back.
    private int unwrittenMessages;

    /// <summary>Folds one stored message into the in-memory state: everything a copy can rebuild from the log.</summary>
    private void Fold(ChatMessage message)
    {
        var author = new Participant(message.Author.Kind, message.Author.Id, message.Author.Name);
        if (author.Kind == AuthorKind.Visitor)
        {
            if (S.Visitor is null)
            {
                S.Visitor = author;
                DropForeignVisitorWatchers();
            }

            S.CreatedAt ??= message.SentAt;
            S.UnansweredSince ??= message.SentAt;
        }
        else if (author.Kind == AuthorKind.Agent && !message.Private)
        {
            S.FirstResponseAt ??= message.SentAt;
            S.LastReplyAt = S.LastReplyAt is { } last && last > message.SentAt ? last : message.SentAt;
            S.UnansweredSince = null;
        }

        JoinIfAgent(author);
        S.Reads = S.Reads.RecordMessage(ConversationRules.SideOf(author.Kind, message.Private), LogSlot);
        S.LastSeq = Math.Max(S.LastSeq, message.Seq);
        RememberMessage(message);
        unwrittenMessages++;
    }

    /// <summary>Folds every stored message after <see cref="ConversationState.LastSeq"/> into the state, so that
    /// it holds the whole log: on activation (the last activation may have stopped before writing its tail) and
    /// whenever another activation appended meanwhile.</summary>
    private async Task FoldStoredTailAsync()
    {
        while (true)
        {
            var page = await store.GetAfterAsync(conversationId, S.LastSeq, IMessageStore.MaxPageSize);
            foreach (var message in page) Fold(message);
            if (page.Count < IMessageStore.MaxPageSize) return;
        }
    }

    /// <summary>Writes the state once enough messages wait in memory only.</summary>
    private Task WriteIfManyUnwrittenAsync() =>
        unwrittenMessages >= options.MaxUnwrittenMessages ? WriteStateAsync() : Task.CompletedTask;

    /// <summary>States written by versions that counted per activation (one slot per activation id) hold exact
    /// totals of the log up to their LastSeq: they become the log slot's count.</summary>
    private void AdoptLogSlot() => S.Reads = S.Reads.InSingleSlot(LogSlot);
}
