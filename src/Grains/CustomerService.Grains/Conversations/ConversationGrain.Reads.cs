using System.Collections.Immutable;
using CustomerService.Grains.Crdt;
using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    /// <inheritdoc />
    public async Task MarkRead(Participant participant, long seq)
    {
        AuthorizeReader(participant);
        if (seq > S.LastSeq) await CatchUpAsync();
        if (seq < 0 || seq > S.LastSeq)
            throw new ChatException(ChatErrorCodes.InvalidArgument, $"The seq is {seq}; it must be between 0 and {S.LastSeq}.");
        var reader = ConversationRules.ReaderKey(participant);
        if (S.Reads.ReadMarkOf(reader) is { } current && current.Seq >= seq) return;

        // The mark counts the others' messages up to seq: all this copy counts, less those after seq.
        var side = ConversationRules.SideOf(participant.Kind);
        var after = seq == S.LastSeq ? 0 : await CountOthersAfterAsync(seq, side);
        var seen = Math.Max(0, S.Reads.OthersCount(side, ConversationRules.HiddenSides) - after);
        S.Reads = S.Reads.MarkRead(reader, new ReadMark(seen, seq), clock.Now());
        JoinIfAgent(participant);
        await WriteStateAsync();

        PublishToAll(o => o.Read(new ReadEvent(conversationId, participant, seq)));
        PublishUnread(only: participant);
        if (Assignee?.Id == participant.Id && participant.Kind == AuthorKind.Agent) NotifyAssigneeUnread();
    }

    /// <inheritdoc />
    public async Task MarkUnread(Participant participant)
    {
        AuthorizeReader(participant);
        var side = ConversationRules.SideOf(participant.Kind);
        // The mark's seq only feeds read receipts, and mark-as-unread sends none; one before the newest message
        // is where a later MarkRead of the newest moves it forward again.
        S.Reads = S.Reads.MarkUnread(ConversationRules.ReaderKey(participant), side, Math.Max(0, S.LastSeq - 1), clock.Now(), ConversationRules.HiddenSides);
        JoinIfAgent(participant);
        await WriteStateAsync();
        PublishUnread(only: participant);
        if (Assignee?.Id == participant.Id && participant.Kind == AuthorKind.Agent) NotifyAssigneeUnread();
    }

    /// <inheritdoc />
    public Task<long> GetUnread(Participant participant)
    {
        AuthorizeReader(participant);
        return Task.FromResult(UnreadOf(participant));
    }

    /// <inheritdoc />
    public Task<ConversationSnapshot> GetSnapshot(Participant participant)
    {
        Authorize(participant);
        var participants = ImmutableArray.CreateBuilder<Participant>();
        if (S.Visitor is not null) participants.Add(S.Visitor);
        participants.AddRange(S.Agents.Values);
        var status = CurrentStatus.Status;
        var unread = ConversationRules.IsReader(participant) ? UnreadOf(participant) : 0;
        return Task.FromResult(new ConversationSnapshot(conversationId, status, participants.ToImmutable(), S.LastSeq, unread));
    }

    private async Task<long> CountOthersAfterAsync(long seq, string readerSide)
    {
        long count = 0;
        while (true)
        {
            var page = await store.GetAfterAsync(conversationId, seq, IMessageStore.MaxPageSize);
            foreach (var message in page)
            {
                var side = ConversationRules.SideOf(message.Author.Kind, message.Private);
                if (side != readerSide && !ConversationRules.HiddenSides.Contains(side)) count++;
            }

            if (page.Count < IMessageStore.MaxPageSize) return count;
            seq = page[^1].Seq;
        }
    }
}
