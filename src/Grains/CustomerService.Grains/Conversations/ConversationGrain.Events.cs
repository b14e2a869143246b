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

    /// <summary>Sends the visitor's unread count to the visitor's observers, unless <paramref name="except"/> is the
    /// visitor or <paramref name="only"/> is someone else. Agents' counts do not go to observers: an agent's console
    /// gets them from its agent grain (assigned conversations, with the total) and from its reads of the list, and each
    /// was a one-way call per message (a frame per message in a cluster) that the front-ends threw away.</summary>
    private void PublishUnread(Participant? except = null, Participant? only = null)
    {
        if (S.Visitor is not { } visitor) return;
        var key = ConversationRules.ReaderKey(visitor);
        if (only is not null && ConversationRules.ReaderKey(only) != key) return;
        if (except is not null && ConversationRules.ReaderKey(except) == key) return;
        var unread = new UnreadEvent(conversationId, UnreadOf(visitor));
        visitorObservers.Notify(o => o.Unread(visitor, unread));
    }

    /// <summary>Forgets the participants of observers whose subscription expired without an unsubscribe (a front-end
    /// that went away); renewals come through here, so the map stays as small as the live subscriptions.</summary>
    private void ForgetExpiredWatchers()
    {
        if (watchers.Count <= agentObservers.Count + visitorObservers.Count) return;
        var live = agentObservers.Observers.Concat(visitorObservers.Observers).ToHashSet();
        foreach (var gone in watchers.Keys.Where(o => !live.Contains(o)).ToList()) watchers.Remove(gone);
    }
}
