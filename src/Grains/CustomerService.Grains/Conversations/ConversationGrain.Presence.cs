namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    /// <inheritdoc />
    public async Task Typing(Participant participant, bool isTyping, string? draft = null)
    {
        Authorize(participant);
        if (draft is not null && System.Text.Encoding.UTF8.GetByteCount(draft) > options.MaxTextBytes)
            throw new ChatException(ChatErrorCodes.TooLarge, $"The draft is longer than {options.MaxTextBytes} bytes.");
        var plain = new TypingEvent(conversationId, participant, isTyping);
        visitorObservers.Notify(o => o.Typing(plain));
        // The visitor's unsent text goes to agents only, and only when the tenant turned draft preview on.
        var withDraft = participant.Kind == AuthorKind.Visitor && isTyping && !string.IsNullOrEmpty(draft) && (await SettingsAsync()).DraftPreview
            ? plain with { Draft = draft }
            : plain;
        agentObservers.Notify(o => o.Typing(withDraft));
    }

    /// <inheritdoc />
    public Task Subscribe(Participant participant, IConversationObserver observer)
    {
        // Agents may watch a conversation before its first message, so the one the router hands them shows seq 1
        // live; watching changes nothing stored. A visitor watches only the conversation it owns.
        ConversationRules.CheckParticipant(participant);
        if (participant.Kind == AuthorKind.Visitor) Authorize(participant);
        if (observer is null) throw new ChatException(ChatErrorCodes.InvalidArgument, "The observer is missing.");
        watchers[observer] = participant;
        // An observer belongs to one audience: a front-end renewing it for another participant moves it.
        if (participant.Kind == AuthorKind.Visitor)
        {
            agentObservers.Unsubscribe(observer);
            visitorObservers.Subscribe(observer);
        }
        else
        {
            visitorObservers.Unsubscribe(observer);
            agentObservers.Subscribe(observer);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Unsubscribe(IConversationObserver observer)
    {
        if (observer is null) throw new ChatException(ChatErrorCodes.InvalidArgument, "The observer is missing.");
        visitorObservers.Unsubscribe(observer);
        agentObservers.Unsubscribe(observer);
        watchers.Remove(observer);
        return Task.CompletedTask;
    }
}
