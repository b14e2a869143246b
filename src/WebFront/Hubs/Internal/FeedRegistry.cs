using CustomerService.Grains.Conversations;
using CustomerService.Runtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>The feeds this front-end holds and which local connections use each. A feed is subscribed when its
/// first connection joins and released when its last connection leaves.</summary>
internal sealed partial class FeedRegistry(
    IGrainFactory grains,
    IHubContext<VisitorHub, IVisitorClient> visitors,
    IHubContext<AgentHub, IAgentClient> agents,
    OwnSends ownSends,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<FeedRegistry> logger)
{
    private readonly TimeSpan unreadInterval = options.Value.UnreadInterval;
    private readonly Lock sync = new();
    private readonly Dictionary<string, Feed> feeds = [];
    private readonly Dictionary<string, HashSet<string>> byConnection = [];

    /// <summary>How many feeds are held.</summary>
    public int Count { get { lock (sync) return feeds.Count; } }

    /// <summary>The group id of a visitor's conversation feed.</summary>
    public static string VisitorConversationId(string key) => $"c:{key}:v";

    /// <summary>The group id of the agents' conversation feed.</summary>
    public static string AgentConversationId(string key) => $"c:{key}:a";

    /// <summary>A widget connection follows its conversation. With <paramref name="subscribe"/> false (the conversation
    /// has no message yet) a new feed stays dormant until the visitor's first send wakes it.</summary>
    public Task JoinVisitorConversationAsync(string key, Participant visitor, string connectionId, bool subscribe = true) =>
        JoinAsync(VisitorConversationId(key), () => new VisitorConversationFeed(key, visitor, grains, visitors, ownSends, unreadInterval, time), connectionId, subscribe);

    /// <summary>A console connection opened a conversation.</summary>
    public Task JoinAgentConversationAsync(string key, Participant agent, string connectionId) =>
        JoinAsync(AgentConversationId(key), () => new AgentConversationFeed(key, agent, grains, agents, ownSends), connectionId);

    /// <summary>A console connection follows its agent's events.</summary>
    public Task JoinAgentAsync(string agentKey, string connectionId) =>
        JoinAsync($"a:{agentKey}", () => new AgentFeed(agentKey, grains, agents, view => FollowAssignedAsync(agentKey, view), unreadInterval, time), connectionId);

    // Every local connection of the agent follows a conversation assigned to it, as if each had opened it.
    private async Task FollowAssignedAsync(string agentKey, Grains.Conversations.ConversationView view)
    {
        string[] connections;
        lock (sync) connections = feeds.TryGetValue($"a:{agentKey}", out var feed) ? [.. feed.Connections] : [];
        if (view.Assignee is not { } agent) return;
        foreach (var connectionId in connections)
        {
            try
            {
                await JoinAgentConversationAsync(view.Id, agent, connectionId);
            }
            catch (Exception e)
            {
                RenewFailed(logger, view.Id, e.GetType().Name); // the console still gets it with Open
            }
        }
    }

    /// <summary>A console connection left a conversation.</summary>
    public Task LeaveAgentConversationAsync(string key, string connectionId) => LeaveAsync(AgentConversationId(key), connectionId);

    /// <summary>Subscribes a feed that could not subscribe yet (a visitor's conversation after its first message).</summary>
    public Task EnsureSubscribedAsync(string feedId)
    {
        Feed? feed;
        lock (sync) feeds.TryGetValue(feedId, out feed);
        return feed?.EnsureSubscribedAsync() ?? Task.CompletedTask;
    }

    /// <summary>A connection closed: leave every feed it joined.</summary>
    public async Task LeaveAllAsync(string connectionId)
    {
        string[] ids;
        lock (sync)
        {
            if (!byConnection.Remove(connectionId, out var set)) return;
            ids = [.. set];
        }

        foreach (var id in ids) await LeaveAsync(id, connectionId, removeFromGroup: false);
    }

    /// <summary>Renews every subscription (and retries the ones that failed); failures are retried next time.</summary>
    public async Task RenewAllAsync(CancellationToken cancellationToken)
    {
        Feed[] all;
        lock (sync) all = [.. feeds.Values];
        var failed = 0;
        foreach (var feed in all)
        {
            if (cancellationToken.IsCancellationRequested) return;
            try
            {
                await feed.EnsureSubscribedAsync(renew: true);
            }
            catch (Exception e)
            {
                failed++;
                RenewFailed(logger, feed.Id, e.GetType().Name);
            }
        }

        Renewed(logger, all.Length, failed);
    }

    private async Task JoinAsync(string feedId, Func<Feed> create, string connectionId, bool subscribe = true)
    {
        Feed? feed;
        lock (sync)
        {
            if (!feeds.TryGetValue(feedId, out feed))
            {
                feeds[feedId] = feed = create();
                feed.Dormant = !subscribe;
            }

            feed.Connections.Add(connectionId);
            if (!byConnection.TryGetValue(connectionId, out var set)) byConnection[connectionId] = set = [];
            set.Add(feedId);
        }

        try
        {
            await feed.AddToGroupAsync(connectionId);
            if (subscribe || !feed.Dormant) await feed.EnsureSubscribedAsync();
        }
        catch
        {
            await LeaveAsync(feedId, connectionId);
            throw;
        }
    }

    private async Task LeaveAsync(string feedId, string connectionId, bool removeFromGroup = true)
    {
        Feed? feed;
        bool last;
        lock (sync)
        {
            if (!feeds.TryGetValue(feedId, out feed) || !feed.Connections.Remove(connectionId)) return;
            if (byConnection.TryGetValue(connectionId, out var set)) set.Remove(feedId);
            last = feed.Connections.Count == 0;
            if (last) feeds.Remove(feedId);
        }

        try
        {
            if (removeFromGroup) await feed.RemoveFromGroupAsync(connectionId);
            if (last) await feed.ReleaseAsync();
        }
        catch (Exception e)
        {
            ReleaseFailed(logger, feedId, e.GetType().Name); // the grain drops the subscription when it expires
        }
    }
}
