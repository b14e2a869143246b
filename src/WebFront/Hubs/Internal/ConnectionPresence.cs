using System.Collections.Concurrent;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Visitors;
using CustomerService.Runtime;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>The open hub connections of this front-end and the agent or visitor grain each is registered with.
/// Grains expire a connection that is not renewed (<c>Agents:ConnectionExpiry</c>, <c>Visitors:ConnectionExpiry</c>,
/// 2 minutes by default), so that a front-end that dies cannot keep anyone online; this front-end renews its
/// connections with the feeds.</summary>
internal sealed partial class ConnectionPresence(IGrainFactory grains, ILogger<ConnectionPresence> logger)
{
    private readonly ConcurrentDictionary<string, (bool Agent, string Key)> connections = new();

    public async Task ConnectAgentAsync(string agentKey, string connectionId)
    {
        await grains.GetGrain<IAgentGrain>(agentKey).Connect(connectionId);
        connections[connectionId] = (true, agentKey);
    }

    public async Task ConnectVisitorAsync(string visitorKey, string connectionId)
    {
        await grains.GetGrain<IVisitorGrain>(visitorKey).Connect(connectionId);
        connections[connectionId] = (false, visitorKey);
    }

    public async Task DisconnectAsync(string connectionId)
    {
        if (!connections.TryRemove(connectionId, out var entry)) return;
        try
        {
            await Call(entry, connectionId, connect: false);
        }
        catch (Exception e)
        {
            DisconnectFailed(logger, e.GetType().Name); // the grain expires the connection on its own
        }
    }

    public async Task RenewAllAsync(CancellationToken cancellationToken)
    {
        foreach (var (connectionId, entry) in connections)
        {
            if (cancellationToken.IsCancellationRequested) return;
            try
            {
                await Call(entry, connectionId, connect: true);
            }
            catch (Exception e)
            {
                RenewFailed(logger, e.GetType().Name);
            }
        }
    }

    private Task Call((bool Agent, string Key) entry, string connectionId, bool connect) => entry.Agent
        ? connect ? grains.GetGrain<IAgentGrain>(entry.Key).Connect(connectionId) : grains.GetGrain<IAgentGrain>(entry.Key).Disconnect(connectionId)
        : connect ? grains.GetGrain<IVisitorGrain>(entry.Key).Connect(connectionId) : grains.GetGrain<IVisitorGrain>(entry.Key).Disconnect(connectionId);
}
