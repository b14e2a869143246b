using CustomerService.Grains.Tenants;
using CustomerService.Runtime;

namespace CustomerService.Grains.Agents;

// Presence: every tab or device holds a connection; none replaces another. A connection counts until it is closed or
// until ConnectionExpiry passes without a renewal (a front-end that died says nothing). When an online agent has no
// connection left for PresenceGrace, it goes offline and its conversations go back to the queue. Connections live in
// memory only: front-ends renew them, and a new activation gives them a full expiry plus the grace to come back.
public sealed partial class AgentGrain
{
    private readonly Dictionary<string, DateTimeOffset> connections = new(StringComparer.Ordinal);
    private DateTimeOffset? offlineAt;
    private IGrainTimer? presenceTimer;

    private void OnActivatePresence()
    {
        if (S.Exists && S.Status == AgentStatus.Online)
            offlineAt = time.GetUtcNow() + options.ConnectionExpiry + options.PresenceGrace;
        SchedulePresence();
    }

    /// <inheritdoc />
    public Task Connect(string connectionId)
    {
        Refuse.Length("connectionId", connectionId, 1, 200);
        EnsureExists();
        connections[connectionId] = time.GetUtcNow();
        while (connections.Count > options.MaxConnections)
            connections.Remove(connections.MinBy(c => c.Value).Key);
        SchedulePresence();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Disconnect(string connectionId)
    {
        if (connectionId is not null && connections.Remove(connectionId)) SchedulePresence();
        return Task.CompletedTask;
    }

    /// <summary>Arms the one timer for the next thing that can happen: a connection expiring, or the grace ending.</summary>
    private void SchedulePresence()
    {
        var watchingGrace = S.Exists && S.Status == AgentStatus.Online && connections.Count == 0;
        if (!watchingGrace) offlineAt = null;
        else offlineAt ??= time.GetUtcNow() + options.PresenceGrace;

        DateTimeOffset? next = offlineAt;
        foreach (var renewed in connections.Values)
        {
            var expires = renewed + options.ConnectionExpiry;
            if (next is null || expires < next) next = expires;
        }

        if (next is not { } at)
        {
            presenceTimer?.Dispose();
            presenceTimer = null;
            return;
        }

        var due = at - time.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        if (presenceTimer is null)
        {
            presenceTimer = RegisterGrainTimer(OnPresenceTimerAsync, new GrainTimerCreationOptions
            {
                DueTime = due,
                Period = Timeout.InfiniteTimeSpan,
                KeepAlive = true,
            });
        }
        else
        {
            presenceTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task OnPresenceTimerAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = connections.Where(c => c.Value + options.ConnectionExpiry <= now).ToList();
        foreach (var connection in expired) connections.Remove(connection.Key);
        if (expired.Count > 0)
        {
            AgentGrainLog.ConnectionsExpired(logger, tenantId, agentId, expired.Count);
            // The grace runs from when the last connection expired, not from when this tick got its turn.
            if (connections.Count == 0) offlineAt = expired.Max(c => c.Value) + options.ConnectionExpiry + options.PresenceGrace;
        }

        if (S.Exists && S.Status == AgentStatus.Online && connections.Count == 0 && offlineAt is { } at && now >= at)
        {
            AgentGrainLog.WentOffline(logger, tenantId, agentId);
            await ChangeStatusAsync(AgentStatus.Offline);
            return;
        }

        SchedulePresence();
    }
}
