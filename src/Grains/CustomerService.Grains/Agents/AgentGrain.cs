using System.Collections.Immutable;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Routing;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;
using CustomerService.Runtime.Utilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Agents;

/// <summary>The agent grain (see <see cref="IAgentGrain"/>). It reports to the router and the tenant only with
/// one-way calls and never awaits them: both of those await the agent, and turn-based grains waiting on each other
/// would deadlock.</summary>
[Alias("agent")]
public sealed partial class AgentGrain : Grain, IAgentGrain
{
    private readonly IPersistentState<AgentState> state;
    private readonly AgentOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ObserverManager<IAgentObserver> observers;
    private string tenantId = "";
    private string agentId = "";

    /// <summary>Created by the runtime.</summary>
    public AgentGrain(
        [PersistentState("agent")] IPersistentState<AgentState> state,
        IOptions<AgentOptions> options,
        TimeProvider time,
        ILogger<AgentGrain> logger)
    {
        this.state = state;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        observers = new ObserverManager<IAgentObserver>(this.options.SubscriptionExpiry, time, logger);
    }

    private AgentState S => state.State;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1 || key.Length > 200)
            throw new ChatException(ChatErrorCodes.InvalidArgument, $"The agent key '{key}' is not '{{tenant}}/{{agentId}}'.");
        tenantId = key[..slash];
        agentId = key[(slash + 1)..];
        OnActivatePresence();
        RebuildUnread();
        return Task.CompletedTask;
    }

    private AgentProfile Profile() =>
        new(agentId, S.Email, S.Name, S.Role, S.Status, S.Capacity, [.. S.Groups]);

    private Participant AsParticipant() => new(AuthorKind.Agent, agentId, S.Name);

    private long UnreadTotal() => S.Conversations.Values.Sum();

    private void EnsureExists()
    {
        if (!S.Exists) throw Refuse.NotFound($"The agent '{agentId}'");
    }

    /// <summary>Tells the router what it needs to route (one-way: the router awaits agents, never the reverse).</summary>
    private void ReportPresence(IEnumerable<string>? handedBack = null)
    {
        var held = handedBack ?? S.Conversations.Keys;
        var presence = new AgentPresence(AsParticipant(), S.Exists ? S.Status : AgentStatus.Offline, S.Capacity,
            [.. S.Groups], [.. held.Order(StringComparer.Ordinal)]);
        try
        {
            _ = GrainFactory.GetGrain<IRouterGrain>(tenantId).AgentPresenceChanged(presence);
        }
        catch (Exception exception)
        {
            AgentGrainLog.ReportFailed(logger, exception, tenantId, agentId, "router");
        }
    }

    /// <summary>Tells the tenant's directory the profile changed (one-way, for the same reason).</summary>
    private void ReportProfile()
    {
        try
        {
            _ = GrainFactory.GetGrain<ITenantGrain>(tenantId).AgentChanged(Profile());
        }
        catch (Exception exception)
        {
            AgentGrainLog.ReportFailed(logger, exception, tenantId, agentId, "tenant");
        }
    }

    private void PublishAgentUpdated()
    {
        var profile = Profile();
        observers.Notify(o => o.AgentUpdated(profile));
    }

    private void PublishUnread(string conversationId, long count)
    {
        var unread = new AgentUnreadEvent(conversationId, count, UnreadTotal());
        observers.Notify(o => o.Unread(unread));
    }

    /// <inheritdoc />
    public Task<ImmutableArray<AgentConversation>> GetConversations() => Task.FromResult<ImmutableArray<AgentConversation>>(
        [.. S.Conversations.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new AgentConversation(c.Key, c.Value))]);

    /// <inheritdoc />
    public Task<long> GetUnreadTotal() => Task.FromResult(UnreadTotal());

    /// <inheritdoc />
    public Task Subscribe(IAgentObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        EnsureExists();
        observers.Subscribe(observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Unsubscribe(IAgentObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
