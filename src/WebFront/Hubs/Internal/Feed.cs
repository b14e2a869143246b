namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>One grain subscription shared by every local connection that needs its events (a SignalR group). It is
/// subscribed when the first connection joins, renewed periodically, and released when the last one leaves.</summary>
internal abstract class Feed(string id)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The feed's id, also its SignalR group name.</summary>
    public string Id { get; } = id;

    /// <summary>The local connections in the group (guarded by the owning <see cref="FeedRegistry"/>).</summary>
    public HashSet<string> Connections { get; } = [];

    /// <summary>Whether the last subscribe succeeded.</summary>
    public bool Subscribed { get; private set; }

    /// <summary>Left unsubscribed on purpose until a connection needs its events (a visitor's conversation before
    /// its first message, when nothing can happen in it): renewals skip it, so an idle widget costs no conversation
    /// activation and no observer. The first <see cref="EnsureSubscribedAsync"/> without renew wakes it.</summary>
    public bool Dormant { get; set; }

    /// <summary>Adds a connection to the group.</summary>
    public abstract Task AddToGroupAsync(string connectionId);

    /// <summary>Removes a connection from the group.</summary>
    public abstract Task RemoveFromGroupAsync(string connectionId);

    /// <summary>Subscribes (or renews) the observer; false when the grain is not ready for it yet (a visitor's
    /// conversation before its first message).</summary>
    protected abstract Task<bool> SubscribeCoreAsync();

    /// <summary>Unsubscribes and deletes the observer object.</summary>
    protected abstract Task ReleaseCoreAsync();

    /// <summary>Subscribes unless already subscribed (or, with <paramref name="renew"/>, renews).</summary>
    public async Task EnsureSubscribedAsync(bool renew = false)
    {
        if (renew && Dormant) return;
        if (Subscribed && !renew) return;
        await gate.WaitAsync();
        try
        {
            if (renew && Dormant) return;
            if (Subscribed && !renew) return;
            Dormant = false;
            Subscribed = false;
            Subscribed = await SubscribeCoreAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Ends the subscription.</summary>
    public async Task ReleaseAsync()
    {
        await gate.WaitAsync();
        try
        {
            Subscribed = false;
            await ReleaseCoreAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
