namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    // Observers are one-way and best effort: a lost event is made good by the client's Resume (gaps in seq), so
    // nothing here waits for a front-end.
    private void PublishMessage(ChatMessage message)
    {
        agentObservers.Notify(o => o.Message(message));
        if (!message.Private) visitorObservers.Notify(o => o.Message(message));
    }

    private void PublishToAll(Action<IConversationObserver> notification)
    {
        agentObservers.Notify(notification);
        visitorObservers.Notify(notification);
    }

    private void PublishUpdated(Participant by)
    {
        var update = new ConversationUpdatedEvent(conversationId, IsClosed ? ConversationStatus.Closed : ConversationStatus.Open, by);
        PublishToAll(o => o.ConversationUpdated(update));
    }

    /// <summary>Sends each reader's count: a visitor's to every audience (agents see whether the visitor has read),
    /// an agent's to agents only.</summary>
    private void PublishUnread(Participant? except = null, Participant? only = null)
    {
        foreach (var reader in only is null ? Readers() : [only])
        {
            if (except is not null && ConversationRules.ReaderKey(reader) == ConversationRules.ReaderKey(except)) continue;
            var unread = new UnreadEvent(conversationId, UnreadOf(reader));
            agentObservers.Notify(o => o.Unread(reader, unread));
            if (reader.Kind == AuthorKind.Visitor) visitorObservers.Notify(o => o.Unread(reader, unread));
        }
    }

    private IEnumerable<Participant> Readers()
    {
        if (S.Visitor is not null) yield return S.Visitor;
        foreach (var agent in S.Agents.Values) yield return agent;
    }
}
