namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    /// <inheritdoc />
    public Task Typing(Participant participant, bool isTyping, string? draft = null)
    {
        Authorize(participant);
        PublishToAll(o => o.Typing(new TypingEvent(conversationId, participant, isTyping)));
        return Task.CompletedTask;
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

    /// <inheritdoc />
    public Task Close(Participant participant) => ChangeStatusAsync(participant, Closed);

    /// <inheritdoc />
    public Task Reopen(Participant participant) => ChangeStatusAsync(participant, Open);

    private async Task ChangeStatusAsync(Participant participant, string status)
    {
        AuthorizeStatusChange(participant);
        if ((status == Closed) == IsClosed) return;
        SetStatus(status);
        JoinIfAgent(participant);
        await WriteStateAsync();
        PublishUpdated();
    }
}
