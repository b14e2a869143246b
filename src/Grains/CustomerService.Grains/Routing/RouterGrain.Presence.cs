using CustomerService.Grains.Agents;

namespace CustomerService.Grains.Routing;

public sealed partial class RouterGrain
{
    /// <inheritdoc />
    public async Task AgentPresenceChanged(AgentPresence presence)
    {
        if (presence?.Agent is null || string.IsNullOrEmpty(presence.Agent.Id)) return;
        var id = presence.Agent.Id;
        var conversations = presence.Conversations.IsDefault ? [] : presence.Conversations.ToArray();
        var groups = presence.Groups.IsDefault ? [] : presence.Groups.ToArray();
        var onlineBefore = AgentsOnline(null);
        var lastAssigned = S.Agents.TryGetValue(id, out var before) ? before.LastAssignedAt : DateTimeOffset.MinValue;
        S.Agents[id] = new AgentEntry(presence.Agent, presence.Status, presence.Capacity, groups, conversations, lastAssigned);
        var queueChanged = false;

        // The agent grain knows what it holds: a conversation it lists is not waiting any more.
        foreach (var conversation in conversations)
        {
            if (RemoveFromQueue(conversation) is { } entry)
            {
                S.Assignments[conversation] = new Assignment(id, entry.Visitor, entry.Group);
                queueChanged = true;
            }
        }

        if (presence.Status == AgentStatus.Offline)
        {
            // Its conversations go back to the front of the queue, in the order they were assigned: they have waited
            // longest.
            var now = time.GetUtcNow();
            var requeued = S.Assignments.Where(a => a.Value.AgentId == id).Select(a => (a.Key, a.Value)).ToList();
            foreach (var conversation in conversations.Where(c => requeued.All(r => r.Key != c)))
                requeued.Add((conversation, new Assignment(id, UnknownVisitor, null)));
            S.Queue.InsertRange(0, requeued.Select(r => new QueueEntry(r.Key, r.Value.Visitor, r.Value.Group, null, now)));
            foreach (var (conversation, _) in requeued) Unassign(conversation);
            S.Agents[id] = S.Agents[id] with { Conversations = [] };
            if (requeued.Count > 0) RouterGrainLog.Requeued(logger, id, requeued.Count);
            queueChanged |= requeued.Count > 0;
        }

        queueChanged |= await DrainAsync();
        await state.WriteStateAsync();
        // A change in agents online changes the estimates (and the bot hand-over) of everyone waiting.
        PublishQueue(conversations: queueChanged || AgentsOnline(null) != onlineBefore);
    }
}
