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
        // Anyone may watch a conversation before its first message, so the widget that is about to write it and the
        // agent the router hands it to both see seq 1 live; watching changes nothing stored. Once a visitor owns it,
        // only that visitor watches as a visitor (the others are dropped when the first message is stored).
        ConversationRules.CheckParticipant(participant);
        if (participant.Kind == AuthorKind.Visitor && S.Visitor is not null) Authorize(participant);
        if (observer is null) throw new ChatException(ChatErrorCodes.InvalidArgument, "The observer is missing.");
        ForgetExpiredWatchers();
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

    /// <summary>The conversation now has its owner: visitors who watched it before and are not the owner stop
    /// watching, so they never see a message of someone else's conversation.</summary>
    private void DropForeignVisitorWatchers()
    {
        var owner = S.Visitor!.Id;
        foreach (var (observer, who) in watchers.Where(w => w.Value.Kind == AuthorKind.Visitor && w.Value.Id != owner).ToList())
        {
            visitorObservers.Unsubscribe(observer);
            watchers.Remove(observer);
        }
    }
}
