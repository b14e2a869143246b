using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;

namespace CustomerService.Grains.Routing;

// The policy: the preferred (sticky) agent if it is online with free capacity, else the least loaded online agent of
// the group with free capacity (ties: the one given a conversation longest ago), else the queue.
public sealed partial class RouterGrain
{
    /// <summary>Offers the conversation to candidates in policy order until one agent grain takes it; agents that
    /// refuse are added to <paramref name="full"/> so a drain asks each at most once.</summary>
    private async Task<Participant?> TryPlaceAsync(string id, Participant visitor, string? group, string? preferred, string? exclude, HashSet<string> full, Dictionary<string, int>? loads = null)
    {
        loads ??= Loads();
        var candidates = S.Agents.Values
            .Where(a => a.Status == AgentStatus.Online && InGroup(a, group) && a.Agent.Id != exclude && !full.Contains(a.Agent.Id))
            .Where(a => LoadOf(loads, a.Agent.Id) < a.Capacity)
            .OrderBy(a => a.Agent.Id == preferred ? 0 : 1)
            .ThenBy(a => LoadOf(loads, a.Agent.Id))
            .ThenBy(a => a.LastAssignedAt)
            .ThenBy(a => a.Agent.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var candidate in candidates)
        {
            if (await OfferAsync(candidate.Agent, id, visitor, group, force: false)) return candidate.Agent;
            full.Add(candidate.Agent.Id);
        }

        return null;
    }

    private async Task<bool> OfferAsync(Participant agent, string id, Participant visitor, string? group, bool force)
    {
        var view = new ConversationView(id, ConversationStatus.Open, visitor, agent, group, RoutingState.Assigned, [], 0, 0, null, null, null, null, null, null);
        try
        {
            return await AgentGrain(agent.Id).TryAssign(view, force);
        }
        catch (Exception e) when (e is not ChatException)
        {
            RouterGrainLog.OfferFailed(logger, e, id, agent.Id);
            return false;
        }
    }

    /// <summary>Accept and transfer to a named agent: assigned beyond capacity; <c>not_found</c> when the agent
    /// does not exist.</summary>
    private async Task<RoutingOutcome> ForceAsync(string id, Participant agent, Participant visitor, string? group, DateTimeOffset? since)
    {
        if (S.Assignments.TryGetValue(id, out var current) && current.AgentId == agent.Id) return await CommitAsync(AssignedOutcome(id, current));
        if (!await OfferAsync(agent, id, visitor, group, force: true))
            throw new ChatException(ChatErrorCodes.NotFound, $"Agent '{agent.Id}' does not exist.");
        Unassign(id);
        var wasQueued = RemoveFromQueue(id) is not null;
        var outcome = Assign(id, agent, visitor, group, since);
        await DrainAsync();
        PublishQueue(conversations: wasQueued);
        return await CommitAsync(outcome);
    }

    /// <summary>Records the assignment (and the wait, for estimates) and returns the decision.</summary>
    private RoutingOutcome Assign(string id, Participant agent, Participant visitor, string? group, DateTimeOffset? waitedSince)
    {
        var now = time.GetUtcNow();
        var assignment = new Assignment(agent.Id, visitor, group);
        S.Assignments[id] = assignment;
        if (S.Agents.TryGetValue(agent.Id, out var entry)) S.Agents[agent.Id] = entry with { LastAssignedAt = now };
        if (waitedSince is { } since)
        {
            S.RecentWaits.Add(Math.Max(0, (now - since).TotalSeconds));
            if (S.RecentWaits.Count > RecentWaitSamples) S.RecentWaits.RemoveAt(0);
        }

        Changed();
        return AssignedOutcome(id, assignment);
    }

    /// <summary>Takes the conversation from its agent, telling the agent (one-way, after the commit); returns the
    /// agent's id.</summary>
    private string? Unassign(string id)
    {
        if (!S.Assignments.Remove(id, out var previous)) return null;
        Changed();
        Send(() => _ = AgentGrain(previous.AgentId).Unassigned(id));
        // Until the agent reports again, its own list must not count the conversation it just lost.
        if (reported.TryGetValue(previous.AgentId, out var held) && held.Contains(id))
            reported[previous.AgentId] = [.. held.Where(c => c != id)];
        return previous.AgentId;
    }

    /// <summary>Gives waiting conversations, oldest first, to agents with free capacity; tells each one placed (after
    /// the commit: a whole drain is one write).</summary>
    private async Task<bool> DrainAsync()
    {
        var full = new HashSet<string>(StringComparer.Ordinal);
        var loads = Loads();
        var changed = false;
        foreach (var entry in S.Queue.ToList())
        {
            if (!S.Agents.Values.Any(a => a.Status == AgentStatus.Online && InGroup(a, entry.Group) && !full.Contains(a.Agent.Id) && LoadOf(loads, a.Agent.Id) < a.Capacity))
                continue;
            var agent = await TryPlaceAsync(entry.ConversationId, entry.Visitor, entry.Group, entry.PreferredAgentId, exclude: null, full, loads);
            if (agent is null) continue;
            S.Queue.Remove(entry);
            var outcome = Assign(entry.ConversationId, agent, entry.Visitor, entry.Group, entry.Since);
            loads[agent.Id] = LoadOf(loads, agent.Id) + 1;
            Send(() => _ = Conversation(entry.ConversationId).ApplyRouting(outcome));
            changed = true;
        }

        return changed;
    }

    /// <summary>Each agent's load: what the router assigned it, plus what the agent's last report holds that the
    /// router did not assign it (a report may be a moment ahead of the router's picture).</summary>
    private Dictionary<string, int> Loads()
    {
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var assignment in S.Assignments.Values) loads[assignment.AgentId] = LoadOf(loads, assignment.AgentId) + 1;
        foreach (var (agentId, held) in reported)
        {
            var extra = held.Count(c => !S.Assignments.TryGetValue(c, out var a) || a.AgentId != agentId);
            if (extra > 0) loads[agentId] = LoadOf(loads, agentId) + extra;
        }

        return loads;
    }

    private static int LoadOf(Dictionary<string, int> loads, string agentId) => loads.GetValueOrDefault(agentId);

    private static bool InGroup(AgentEntry agent, string? group) => group is null || agent.Groups.Contains(group, StringComparer.Ordinal);

    private bool AgentOnlineOrAway(string agentId) => S.Agents.TryGetValue(agentId, out var a) && a.Status != AgentStatus.Offline;

    private (Participant Visitor, string? Group, DateTimeOffset? Since) Describe(string id)
    {
        if (S.Queue.Find(e => e.ConversationId == id) is { } queued) return (queued.Visitor, queued.Group, queued.Since);
        if (S.Assignments.TryGetValue(id, out var assigned)) return (assigned.Visitor, assigned.Group, null);
        return (UnknownVisitor, null, null);
    }

    private static readonly Participant UnknownVisitor = new(AuthorKind.Visitor, "unknown", "");

    private int QueueIndex(string id) => S.Queue.FindIndex(e => e.ConversationId == id);

    private void AddToQueue(QueueEntry entry)
    {
        S.Queue.Add(entry);
        Changed();
    }

    private QueueEntry? RemoveFromQueue(string id)
    {
        var at = QueueIndex(id);
        if (at < 0) return null;
        var entry = S.Queue[at];
        S.Queue.RemoveAt(at);
        Changed();
        return entry;
    }

    private IAgentGrain AgentGrain(string agentId) => GrainFactory.GetGrain<IAgentGrain>($"{tenant}/{agentId}");

    private IConversationGrain Conversation(string id) => GrainFactory.GetGrain<IConversationGrain>(id);
}
