using System.Collections.Concurrent;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Hubs.Internal;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hubs;

/// <summary>Refuses hub calls over the connection's or the tenant's budget with <c>rate_limited</c>; the connection
/// stays open and the call changes nothing.</summary>
internal sealed class RateLimitFilter(IOptions<RateLimitOptions> options, TimeProvider time) : IHubFilter
{
    private readonly ConcurrentDictionary<string, TokenBucket> tenants = new();

    // Every hub goes through this filter, so the connection's state is attached here, before its first call.
    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ConnectionState.Attach(context.Context);
        return next(context);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var o = options.Value;
        var bucket = ConnectionState.Of(context.Context).Bucket(() => new TokenBucket(o.ConnectionPermitsPerSecond, o.ConnectionBurst, time));
        if (!bucket.TryTake())
            throw new HubException("rate_limited: Too many calls on this connection; slow down.");

        var tenant = context.Context.User?.FindFirst(WebFrontClaims.Tenant)?.Value ?? "";
        var tenantBucket = tenants.GetOrAdd(tenant, _ => new TokenBucket(o.TenantPermitsPerSecond, o.TenantBurst, time));
        if (!tenantBucket.TryTake())
            throw new HubException("rate_limited: Too many calls for this tenant; slow down.");
        return next(context);
    }
}
