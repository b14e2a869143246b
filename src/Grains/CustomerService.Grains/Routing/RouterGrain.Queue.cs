using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;

namespace CustomerService.Grains.Routing;

// Queue positions and estimated waits. Estimate for position p among conversations waiting for the same group:
// ceil(average of the last 20 waits × p / agents of that group online), with 60 s as the average before any wait was
// measured; 0 when no agent is online (the conversation then gets the offline reply).
public sealed partial class RouterGrain
{
    private const int RecentWaitSamples = 20;
    private const double DefaultWaitSeconds = 60;

    // The length agents were last told; starts as the stored queue's, so a reactivation does not repeat it.
    private int? publishedLength;

    /// <summary>Tells the agents online the queue length (when it changed) and, when <paramref name="conversations"/>,
    /// every waiting conversation its position and estimate (one-way, after the commit).</summary>
    private void PublishQueue(bool conversations)
    {
        if (conversations)
        {
            foreach (var entry in S.Queue)
            {
                var outcome = QueuedOutcome(entry.ConversationId);
                Send(() => _ = Conversation(outcome.ConversationId).ApplyRouting(outcome));
            }
        }

        if (S.Queue.Count == publishedLength) return;
        publishedLength = S.Queue.Count;
        var waiting = S.Queue.Count;
        foreach (var agent in S.Agents.Values.Where(a => a.Status != AgentStatus.Offline))
        {
            var agentId = agent.Agent.Id;
            Send(() => _ = AgentGrain(agentId).QueueChanged(waiting));
        }
    }

    private RoutingOutcome QueuedOutcome(string id)
    {
        var at = QueueIndex(id);
        if (at < 0) return new RoutingOutcome(id, RoutingState.None, null, null, 0, 0, AgentsOnline(null), NextVersion());
        var entry = S.Queue[at];
        var position = 1 + S.Queue.Take(at).Count(e => e.Group == entry.Group);
        var online = AgentsOnline(entry.Group);
        return new RoutingOutcome(id, RoutingState.Queued, null, entry.Group, position, Estimate(position, online), online, NextVersion());
    }

    private RoutingOutcome AssignedOutcome(string id, Assignment assignment)
    {
        var agent = S.Agents.TryGetValue(assignment.AgentId, out var entry) ? entry.Agent : new Participant(AuthorKind.Agent, assignment.AgentId, assignment.AgentId);
        return new RoutingOutcome(id, RoutingState.Assigned, agent, assignment.Group, 0, 0, AgentsOnline(assignment.Group), NextVersion());
    }

    private int Estimate(int position, int online)
    {
        if (online == 0) return 0;
        var average = S.RecentWaits.Count > 0 ? S.RecentWaits.Average() : DefaultWaitSeconds;
        return (int)Math.Ceiling(average * position / online);
    }

    private int AgentsOnline(string? group) => S.Agents.Values.Count(a => a.Status == AgentStatus.Online && InGroup(a, group));
}
