using Microsoft.AspNetCore.SignalR;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>What this front-end keeps per hub connection, held as a feature of the connection. SignalR's
/// <c>Context.Items</c> would do, but it is a ConcurrentDictionary created on first use, about 550 bytes per
/// connection; this is one small object (bench/README.md, connection scaling).</summary>
internal sealed class ConnectionState
{
    private TokenBucket? bucket;

    /// <summary>The visitor connection's conversation key, set once when it connects.</summary>
    public string? ConversationKey { get; set; }

    /// <summary>The connection's own call budget, created on its first call (idle connections never need one).</summary>
    public TokenBucket Bucket(Func<TokenBucket> create) => LazyInitializer.EnsureInitialized(ref bucket, create);

    /// <summary>The state of the connection. It is attached when the connection opens
    /// (<see cref="RateLimitFilter.OnConnectedAsync"/>), before any call can read it, so that calls only read the
    /// feature collection, which is not safe for concurrent writes.</summary>
    public static ConnectionState Of(HubCallerContext context) =>
        context.Features.Get<ConnectionState>() ?? throw new InvalidOperationException("The connection has no ConnectionState: is RateLimitFilter registered?");

    /// <summary>Attaches a new state to a connection that is opening.</summary>
    public static void Attach(HubCallerContext context) => context.Features.Set(new ConnectionState());
}
