using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Runtime;
using Microsoft.Extensions.Logging;

namespace CustomerService.Grains.Routing;

/// <summary>The tenant's router (see <see cref="IRouterGrain"/>). It waits only on agent grains
/// (<see cref="IAgentGrain.TryAssign"/>, authoritative for capacity); conversations hear of its decisions through the
/// one-way <see cref="IConversationGrain.ApplyRouting"/>, agents of their losses through the one-way
/// <see cref="IAgentGrain.Unassigned"/> — sent by the router alone, so they reach an agent in decision order. Each
/// call ends in <see cref="CommitAsync()"/>: at most one state write, then the messages.</summary>
[Alias("router")]
public sealed partial class RouterGrain : Grain, IRouterGrain
{
    private readonly IPersistentState<RouterState> state;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private string tenant = "";

    /// <summary>Created by the runtime.</summary>
    public RouterGrain([PersistentState("router")] IPersistentState<RouterState> state, TimeProvider time, ILogger<RouterGrain> logger)
    {
        this.state = state;
        this.time = time;
        this.logger = logger;
    }

    private RouterState S => state.State;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        tenant = this.GetPrimaryKeyString();
        publishedLength = S.Queue.Count;
        OnActivateCommit();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<RoutingOutcome> Enqueue(RoutingRequest request)
    {
        Check(request);
        var id = request.ConversationId;
        if (S.Assignments.TryGetValue(id, out var assigned) && AgentOnlineOrAway(assigned.AgentId)) return await CommitAsync(AssignedOutcome(id, assigned));
        if (S.Assignments.Remove(id)) Changed();
        if (QueueIndex(id) >= 0) return await CommitAsync(QueuedOutcome(id));

        var agent = await TryPlaceAsync(id, request.Visitor, request.Group, request.PreferredAgentId, exclude: null, full: []);
        if (agent is not null) return await CommitAsync(Assign(id, agent, request.Visitor, request.Group, waitedSince: null));
        AddToQueue(new QueueEntry(id, request.Visitor, request.Group, request.PreferredAgentId, time.GetUtcNow()));
        var outcome = QueuedOutcome(id);
        PublishQueue(conversations: false);
        return await CommitAsync(outcome);
    }

    /// <inheritdoc />
    public async Task<RoutingOutcome> Accept(string conversationId, Participant agent)
    {
        CheckKey(conversationId);
        if (agent is null || agent.Kind != AuthorKind.Agent) throw new ChatException(ChatErrorCodes.Forbidden, "Only agents accept conversations.");
        var (visitor, group, since) = Describe(conversationId);
        return await ForceAsync(conversationId, agent, visitor, group, since);
    }

    /// <inheritdoc />
    public async Task<RoutingOutcome> Transfer(RoutingRequest request, TransferTarget target)
    {
        Check(request);
        if (target is null || string.IsNullOrWhiteSpace(target.AgentId) == string.IsNullOrWhiteSpace(target.GroupId))
            throw new ChatException(ChatErrorCodes.InvalidArgument, "Name exactly one of an agent or a group.");
        var id = request.ConversationId;
        if (target.AgentId is { } agentId)
        {
            var agent = S.Agents.TryGetValue(agentId, out var known) ? known.Agent : new Participant(AuthorKind.Agent, agentId, agentId);
            return await ForceAsync(id, agent, request.Visitor, request.Group, null);
        }

        var previous = Unassign(id);
        RemoveFromQueue(id);
        var placed = await TryPlaceAsync(id, request.Visitor, target.GroupId, null, exclude: previous, full: []);
        RoutingOutcome outcome;
        if (placed is not null)
        {
            outcome = Assign(id, placed, request.Visitor, target.GroupId, null);
        }
        else
        {
            AddToQueue(new QueueEntry(id, request.Visitor, target.GroupId, null, time.GetUtcNow()));
            outcome = QueuedOutcome(id);
        }

        await DrainAsync();
        PublishQueue(conversations: true);
        return await CommitAsync(outcome);
    }

    /// <inheritdoc />
    public async Task<RoutingOutcome> Reassign(RoutingRequest request, string unansweredAgentId)
    {
        Check(request);
        var id = request.ConversationId;
        if (!S.Assignments.TryGetValue(id, out var current) || current.AgentId != unansweredAgentId)
            return await CommitAsync(S.Assignments.TryGetValue(id, out var now) ? AssignedOutcome(id, now) : QueuedOutcome(id));
        var placed = await TryPlaceAsync(id, request.Visitor, current.Group, null, exclude: unansweredAgentId, full: []);
        // Nobody else is free: it stays with its agent (re-queuing it would only make the visitor wait longer).
        if (placed is null) return await CommitAsync(AssignedOutcome(id, current));
        Unassign(id);
        var outcome = Assign(id, placed, request.Visitor, current.Group, null);
        RouterGrainLog.Reassigned(logger, id, unansweredAgentId, placed.Id);
        await DrainAsync();
        PublishQueue(conversations: true);
        return await CommitAsync(outcome);
    }

    /// <inheritdoc />
    public async Task Release(string conversationId)
    {
        CheckKey(conversationId);
        var wasQueued = RemoveFromQueue(conversationId) is not null;
        var freed = Unassign(conversationId) is not null;
        if (!wasQueued && !freed) return;
        await DrainAsync();
        PublishQueue(conversations: true);
        await CommitAsync();
    }

    /// <inheritdoc />
    public Task<QueueSnapshot> GetQueue() => Task.FromResult(new QueueSnapshot(
        [.. S.Queue.Select(e => new QueuedConversation(e.ConversationId, e.Visitor, e.Group, e.Since))], AgentsOnline(null)));

    private void Check(RoutingRequest? request)
    {
        if (request is null || request.Visitor is null) throw new ChatException(ChatErrorCodes.InvalidArgument, "The routing request is missing.");
        CheckKey(request.ConversationId);
    }

    private void CheckKey(string? conversationId)
    {
        if (conversationId is null || !conversationId.StartsWith(tenant + "/", StringComparison.Ordinal) || conversationId.Length == tenant.Length + 1)
            throw new ChatException(ChatErrorCodes.InvalidArgument, $"'{conversationId}' is not a conversation of tenant '{tenant}'.");
    }
}
