using System.Collections.Immutable;
using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    /// <inheritdoc />
    public async Task<MessageAck> SendMessage(Participant participant, SendMessageCommand command)
    {
        Authorize(participant, sending: true);
        ConversationRules.CheckCommand(command, participant, options);
        var firstMessage = S.Visitor is null;
        var wasResolved = IsClosed;
        var (ack, stored) = await StoreAsync(participant, command);
        if (!stored || participant.Kind != AuthorKind.Visitor) return ack;

        // A visitor's message on a new or resolved conversation asks for an agent, as does one on a conversation
        // whose earlier routing failed.
        if (firstMessage || wasResolved || S.Routing is null or { State: RoutingState.None }) await EnterRoutingAsync();
        return ack;
    }

    /// <summary>Appends a message of the bot or the system through the same seq-ordered path; the client message id
    /// is deterministic, so doing it again stores nothing new.</summary>
    private Task AppendOwnAsync(Participant author, string clientMessageId, string text) =>
        string.IsNullOrWhiteSpace(text) ? Task.CompletedTask : StoreAsync(author, new SendMessageCommand(clientMessageId, text));

    /// <summary>Stores the message under the next seq and applies it; <c>Stored</c> is false for a resend.</summary>
    private async Task<(MessageAck Ack, bool Stored)> StoreAsync(Participant participant, SendMessageCommand command)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (IsClosed && participant.Kind != AuthorKind.Visitor)
            {
                // A retry of a send that was stored before the close still gets its first ack, as retries must.
                if (await FindRecentAsync(command.ClientMessageId) is { } earlier) return (earlier.ToAck(), false);
                throw new ChatException(ChatErrorCodes.Closed, $"Conversation '{conversationId}' is closed; reopen it first.");
            }

            var seq = S.LastSeq + 1;
            switch (await AppendAsync(participant, command, seq))
            {
                case AppendResult.Stored stored:
                    await OnStoredAsync(participant, command, stored.Ack);
                    return (stored.Ack, true);
                // The store wrote our batch again after a connection failure and the first attempt had committed:
                // the message is ours (it holds the seq we proposed) and still has to be counted.
                case AppendResult.Duplicate own when own.FirstAck.Seq == seq:
                    await OnStoredAsync(participant, command, own.FirstAck);
                    return (own.FirstAck, true);
                case AppendResult.Duplicate duplicate:
                    return (duplicate.FirstAck, false);
                case AppendResult.SeqConflict conflict when attempt < options.MaxSeqRetries:
                    // Another activation appended: our picture is stale. Take in what it wrote and decide again.
                    ConversationGrainLog.SeqTaken(logger, conversationId, seq, conflict.CurrentMaxSeq);
                    await CatchUpAsync();
                    Authorize(participant, sending: true);
                    break;
                default:
                    throw new ChatException(ChatErrorCodes.Conflict, $"Conversation '{conversationId}' kept changing under this send; nothing was stored, retry it.");
            }
        }
    }

    /// <summary>The message with this client message id among the newest page, if any: where a retry finds its
    /// original (the store has no lookup by client message id, and a refused send only needs recent ones).</summary>
    private async Task<ChatMessage?> FindRecentAsync(string clientMessageId)
    {
        var newest = await store.GetHistoryAsync(conversationId, null, IMessageStore.MaxPageSize);
        return newest.LastOrDefault(m => string.Equals(m.ClientMessageId, clientMessageId, StringComparison.Ordinal));
    }

    private async Task<AppendResult> AppendAsync(Participant author, SendMessageCommand command, long seq)
    {
        var message = new NewMessage(conversationId, seq, command.ClientMessageId, author.ToAuthor(), command.Text, command.Attachments, command.Private);
        try
        {
            return await store.AppendAsync(message);
        }
        catch (ArgumentException e)
        {
            // Our own checks run first; this is a store limit configured tighter than Conversations' limits.
            throw new ChatException(ChatErrorCodes.InvalidArgument, $"The message store refused the message: {e.Message}");
        }
    }

    /// <summary>Takes a message the store has committed into the state and tells everyone. The state is written now
    /// only when the message changed the status (a visitor reopening the conversation); otherwise the message is
    /// folded in memory and written later (see ConversationGrain.Log.cs), so neither the ack nor the delivery waits for a
    /// second commit.</summary>
    private async Task OnStoredAsync(Participant author, SendMessageCommand command, MessageAck ack)
    {
        var attachments = command.Attachments.IsDefault ? ImmutableArray<Attachment>.Empty : command.Attachments;
        var message = new ChatMessage(ack.Id, conversationId, ack.Seq, command.ClientMessageId, author.ToAuthor(), command.Text, attachments, command.Private, ack.SentAt);
        Fold(message);
        var reopened = author.Kind == AuthorKind.Visitor && CurrentStatus.Status != ConversationStatus.Open;
        if (reopened)
        {
            WriteStatus(ConversationStatus.Open);
            await WriteStateAsync();
            ArmSnooze();
            PublishUpdated();
        }
        else
        {
            await WriteIfManyUnwrittenAsync();
            UpdateIndex();
        }

        ArmUnanswered();
        PublishMessage(message);
        PublishUnread(except: author);
        if (Assignee is { } assignee && assignee.Id != author.Id) NotifyAssigneeUnread();
        if (command.Private) await NotifyMentionsAsync(message, author);
    }
}
