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

    /// <summary>The owning visitor, the agents who acted, and agents watching through a live subscription.</summary>
    private IEnumerable<Participant> Readers()
    {
        var live = agentObservers.Observers.Concat(visitorObservers.Observers).ToHashSet();
        foreach (var gone in watchers.Keys.Where(o => !live.Contains(o)).ToList()) watchers.Remove(gone);
        var readers = new List<Participant>();
        if (S.Visitor is not null) readers.Add(S.Visitor);
        readers.AddRange(S.Agents.Values);
        readers.AddRange(watchers.Values.Where(p => p.Kind == AuthorKind.Agent));
        return readers.DistinctBy(ConversationRules.ReaderKey);
    }
}
