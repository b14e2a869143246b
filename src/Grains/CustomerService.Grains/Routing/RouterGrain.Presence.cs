using CustomerService.Grains.Agents;

namespace CustomerService.Grains.Routing;

public sealed partial class RouterGrain
{
    // The conversations each agent held at its last report. Memory only: they count towards the agent's load until
    // its next report (see Loads), the router re-queues only what it assigned itself (Assignments), and after a
    // restart the agent grain's TryAssign still refuses an agent at capacity.
    private readonly Dictionary<string, string[]> reported = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task AgentPresenceChanged(AgentPresence presence)
    {
        if (presence?.Agent is null || string.IsNullOrEmpty(presence.Agent.Id)) return;
        var id = presence.Agent.Id;
        var groups = presence.Groups.IsDefault ? [] : presence.Groups.ToArray();
        var onlineBefore = AgentsOnline(null);
        var before = S.Agents.GetValueOrDefault(id);
        var entry = new AgentEntry(presence.Agent, presence.Status, presence.Capacity, groups, before?.LastAssignedAt ?? DateTimeOffset.MinValue);
        // Most reports only echo an assignment (the agent's list changed): nothing durable changes then.
        if (!entry.SameAs(before))
        {
            S.Agents[id] = entry;
            Changed();
        }

        reported[id] = presence.Conversations.IsDefault ? [] : presence.Conversations.ToArray();
        var queueChanged = false;

        if (presence.Status == AgentStatus.Offline)
        {
            // Its conversations go back to the front of the queue, in the order they were assigned: they have waited
            // longest.
            var now = time.GetUtcNow();
            var requeued = S.Assignments.Where(a => a.Value.AgentId == id).Select(a => (a.Key, a.Value)).ToList();
            S.Queue.InsertRange(0, requeued.Select(r => new QueueEntry(r.Key, r.Value.Visitor, r.Value.Group, null, now)));
            foreach (var (conversation, _) in requeued) Unassign(conversation);
            reported[id] = [];
            if (requeued.Count > 0) RouterGrainLog.Requeued(logger, id, requeued.Count);
            queueChanged |= requeued.Count > 0;
        }

        queueChanged |= await DrainAsync();
        // A change in agents online changes the estimates (and the bot hand-over) of everyone waiting.
        PublishQueue(conversations: queueChanged || AgentsOnline(null) != onlineBefore);
        // An agent coming online learns how many wait (nobody needs to hear of an empty queue).
        if (presence.Status == AgentStatus.Online && before?.Status != AgentStatus.Online && S.Queue.Count > 0)
        {
            var waiting = S.Queue.Count;
            Send(() => _ = AgentGrain(id).QueueChanged(waiting));
        }

        await CommitAsync();
    }
}
