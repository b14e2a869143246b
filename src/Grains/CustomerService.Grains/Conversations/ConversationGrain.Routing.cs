using CustomerService.Grains.Routing;

namespace CustomerService.Grains.Conversations;

// Awaited calls go conversation → router → agent → tenant only (and conversation → tenant); the router answers
// through the one-way ApplyRouting, so no two grains ever wait on each other.
public sealed partial class ConversationGrain
{
    /// <inheritdoc />
    public async Task ApplyRouting(RoutingOutcome outcome)
    {
        if (outcome is null || outcome.ConversationId != conversationId || S.Visitor is null) return;
        await ApplyOutcomeAsync(outcome);
    }

    /// <summary>Asks the router for an agent (first visitor message, reopen) and applies its answer. A failure leaves
    /// the conversation unrouted; the next visitor message asks again.</summary>
    private async Task EnterRoutingAsync(string? preferredAgentId = null)
    {
        if (S.Visitor is null || IsClosed) return;
        var tenant = await SettingsAsync();
        var preferred = preferredAgentId ?? (tenant.Routing.Sticky ? S.Routing?.PreviousAgentId : null);
        RoutingOutcome outcome;
        try
        {
            outcome = await Router.Enqueue(new RoutingRequest(conversationId, S.Visitor, preferred, S.Routing?.Group));
        }
        catch (Exception e)
        {
            // The message that asked is stored and acknowledged whatever happens here.
            ConversationGrainLog.RoutingFailed(logger, e, conversationId);
            return;
        }

        await ApplyOutcomeAsync(outcome);
    }

    private RoutingRequest Request() => new(conversationId, S.Visitor!, null, S.Routing?.Group);

    /// <summary>Applies a router decision newer than the last applied: assignee, group and routing state; tells the
    /// visitor its place in the queue; lets the bot answer when nobody is online.</summary>
    private async Task ApplyOutcomeAsync(RoutingOutcome outcome)
    {
        var before = S.Routing;
        if (before is not null && outcome.Version <= before.Version) return;
        var tenant = await SettingsAsync();
        if (IsClosed)
        {
            // A decision that crossed the release: remember its version only. If the router still holds the
            // conversation (the release was lost: a crash between this grain's write and its call), release it again,
            // or it would wait in the queue, or keep an agent's capacity, for ever. Releasing twice changes nothing.
            S.Routing = (before ?? Empty()) with { Version = outcome.Version, Stamp = clock.Now() };
            await WriteStateAsync();
            if (outcome.State is RoutingState.Queued or RoutingState.Assigned) await ReleaseAsync();
            return;
        }

        var state = outcome.State == RoutingState.Queued && outcome.AgentsOnline == 0 && tenant.BotEnabled ? RoutingState.Bot : outcome.State;
        var agent = state == RoutingState.Assigned ? outcome.Agent : null;
        var newAssignee = agent is not null && (before?.State != RoutingState.Assigned || agent.Id != before.Assignee?.Id);
        S.Routing = new RoutingRecord(state, agent, outcome.Group, outcome.Version, agent?.Id ?? before?.PreviousAgentId,
            agent is null ? null : newAssignee || before?.AssignedAt is null ? time.GetUtcNow() : before.AssignedAt, clock.Now());
        await WriteStateAsync();
        ArmUnanswered();

        var changed = before is null || before.State != state || before.Assignee?.Id != agent?.Id || before.Group != outcome.Group;
        if (changed) PublishUpdated();
        if (state is RoutingState.Queued or RoutingState.Bot || before?.State is RoutingState.Queued or RoutingState.Bot)
        {
            var queue = new QueueEvent(conversationId, state is RoutingState.Queued or RoutingState.Bot ? Math.Max(outcome.Position, 1) : 0,
                state == RoutingState.Queued ? outcome.EstimatedWaitSeconds : 0);
            visitorObservers.Notify(o => o.Queue(queue));
        }

        if (newAssignee) NotifyAssigneeUnread();
        if (state == RoutingState.Bot && before?.State != RoutingState.Bot) await BotReplyAsync(tenant);
    }

    private RoutingRecord Empty() => new(RoutingState.None, null, null, 0, null, null, clock.Now());

    /// <inheritdoc />
    public async Task<ConversationView> Accept(Participant agent)
    {
        Authorize(agent);
        if (agent.Kind != AuthorKind.Agent) throw new ChatException(ChatErrorCodes.Forbidden, "Only agents accept conversations.");
        if (IsClosed) throw new ChatException(ChatErrorCodes.Closed, $"Conversation '{conversationId}' is resolved; reopen it first.");
        if (Assignee?.Id == agent.Id) return ViewFor(agent);
        if (Assignee is not null)
            throw new ChatException(ChatErrorCodes.Forbidden, "Another agent has this conversation; ask for a transfer.");
        var outcome = await Router.Accept(conversationId, agent);
        JoinIfAgent(agent);
        await ApplyOutcomeAsync(outcome);
        return ViewFor(agent);
    }

    /// <inheritdoc />
    public async Task<ConversationView> Transfer(Participant participant, TransferTarget target)
    {
        Authorize(participant);
        if (participant.Kind != AuthorKind.Agent) throw new ChatException(ChatErrorCodes.Forbidden, "Only agents transfer conversations.");
        if (target is null || string.IsNullOrWhiteSpace(target.AgentId) == string.IsNullOrWhiteSpace(target.GroupId))
            throw new ChatException(ChatErrorCodes.InvalidArgument, "Name exactly one of an agent or a group.");
        if ((target.AgentId ?? target.GroupId)!.Length > 100)
            throw new ChatException(ChatErrorCodes.TooLarge, "The agent or group id is longer than 100 characters.");
        if (IsClosed) throw new ChatException(ChatErrorCodes.Closed, $"Conversation '{conversationId}' is resolved; reopen it first.");
        if (target.AgentId is not null && target.AgentId == Assignee?.Id) return ViewFor(participant);

        var outcome = await Router.Transfer(Request() with { Group = target.GroupId ?? S.Routing?.Group }, target);
        JoinIfAgent(participant);
        await ApplyOutcomeAsync(outcome);
        var to = target.AgentId is not null ? outcome.Agent?.Name ?? target.AgentId : $"group {target.GroupId}";
        await AppendOwnAsync(SystemParticipant, $"system-transfer-{outcome.Version}", $"Transferred to {to} by {participant.Name}.");
        return ViewFor(participant);
    }

    private static readonly Participant SystemParticipant = new(AuthorKind.System, "system", "System");
}
