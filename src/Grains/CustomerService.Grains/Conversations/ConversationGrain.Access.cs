namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    /// <summary>The participant rule of <see cref="IConversationGrain"/>: the conversation exists once a visitor owns
    /// it; only that visitor may act as a visitor; agents, bots and the system may act once it exists.</summary>
    private void Authorize(Participant participant, bool sending = false)
    {
        ConversationRules.CheckParticipant(participant);
        if (S.Visitor is null)
        {
            if (sending && participant.Kind == AuthorKind.Visitor) return;
            // Nothing is here yet, and unless someone watches it nothing needs to stay in memory: a widget asks for
            // its conversation on every page view before it has one, and an empty activation would otherwise be
            // kept for the whole collection age (bench/README.md, connection scaling).
            if (visitorObservers.Count == 0 && agentObservers.Count == 0) DeactivateOnIdle();
            throw new ChatException(ChatErrorCodes.NotFound, $"Conversation '{conversationId}' does not exist.");
        }

        if (participant.Kind == AuthorKind.Visitor && !string.Equals(S.Visitor.Id, participant.Id, StringComparison.Ordinal))
            throw new ChatException(ChatErrorCodes.Forbidden, $"Conversation '{conversationId}' belongs to another visitor.");
    }

    /// <summary>Read state is kept for visitors and agents only.</summary>
    private void AuthorizeReader(Participant participant)
    {
        Authorize(participant);
        if (!ConversationRules.IsReader(participant))
            throw new ChatException(ChatErrorCodes.Forbidden, "Only visitors and agents have read state.");
    }

    private void AuthorizeStatusChange(Participant participant)
    {
        Authorize(participant);
        if (participant.Kind == AuthorKind.Visitor)
            throw new ChatException(ChatErrorCodes.Forbidden, "A visitor cannot close or reopen a conversation; a new visitor message reopens it.");
    }

    private long UnreadOf(Participant reader) =>
        S.Reads.Unread(ConversationRules.ReaderKey(reader), ConversationRules.SideOf(reader.Kind), ConversationRules.HiddenSides);
}
