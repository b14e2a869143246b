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
        // The agent's own list counts towards its load until its next report (see Load); the router re-queues only
        // what it assigned itself, so a late report naming a conversation released meanwhile cannot bring it back.
        var queueChanged = false;

        if (presence.Status == AgentStatus.Offline)
        {
            // Its conversations go back to the front of the queue, in the order they were assigned: they have waited
            // longest.
            var now = time.GetUtcNow();
            var requeued = S.Assignments.Where(a => a.Value.AgentId == id).Select(a => (a.Key, a.Value)).ToList();
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
        // An agent coming online learns how many wait (nobody needs to hear of an empty queue).
        if (presence.Status == AgentStatus.Online && before?.Status != AgentStatus.Online && S.Queue.Count > 0)
            _ = AgentGrain(id).QueueChanged(S.Queue.Count);
    }
}
