using System.Collections.Concurrent;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>Which local connection sent a message whose <c>message</c> event has not come back yet. The event then
/// skips that one connection: the widget and the console show their own message from its ack, and this echo was one
/// SignalR send in three per chat message (the bare relay skips the sender the same way). The sender's other tabs,
/// and everyone else in the group, still get the event.</summary>
/// <remarks>An entry is taken by its event. One whose event never comes (an observer lost with a silo, a resend that
/// stored nothing) is forgotten after <see cref="Forget"/>; a missed skip only costs the old echo, which clients
/// drop by seq.</remarks>
internal sealed class OwnSends(TimeProvider time)
{
    private static readonly TimeSpan Forget = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<(string FeedId, string ClientMessageId), (string ConnectionId, long Since)> sending = new();
    private long lastSweep;

    /// <summary>How many sends wait for their event (for tests and diagnostics).</summary>
    public int Count => sending.Count;

    private void Begin(string feedId, string clientMessageId, string connectionId)
    {
        var now = time.GetTimestamp();
        sending[(feedId, clientMessageId)] = (connectionId, now);
        SweepNowAndThen(now);
    }

    /// <summary>Runs <paramref name="send"/> as <paramref name="connectionId"/>'s send of that message through that
    /// feed: registered before the call (its event cannot come first), dropped if the call fails (nothing comes back
    /// for it; a retry registers again).</summary>
    public async Task<T> TrackAsync<T>(string feedId, string clientMessageId, string connectionId, Func<Task<T>> send)
    {
        Begin(feedId, clientMessageId, connectionId);
        try
        {
            return await send();
        }
        catch
        {
            sending.TryRemove((feedId, clientMessageId), out _);
            throw;
        }
    }

    /// <summary>The connection that sent this message through this feed, if one of ours did.</summary>
    public string? TakeSender(string feedId, string clientMessageId) =>
        sending.TryRemove((feedId, clientMessageId), out var entry) ? entry.ConnectionId : null;

    // At most once per Forget period, so that a flood of entries whose events never come cannot make every Begin
    // walk the whole map.
    private void SweepNowAndThen(long now)
    {
        var last = Interlocked.Read(ref lastSweep);
        if (time.GetElapsedTime(last, now) < Forget || Interlocked.CompareExchange(ref lastSweep, now, last) != last) return;
        foreach (var (key, entry) in sending)
        {
            if (time.GetElapsedTime(entry.Since, now) >= Forget) sending.TryRemove(new KeyValuePair<(string, string), (string, long)>(key, entry));
        }
    }
}
