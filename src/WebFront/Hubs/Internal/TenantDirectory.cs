using System.Collections.Concurrent;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>Tenant settings for per-connection checks (allowed origins), cached briefly so that thousands of widget
/// connections do not each ask the tenant grain.</summary>
internal sealed class TenantDirectory(IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (TenantSettings? Settings, DateTimeOffset At)> cache = new();

    /// <summary>The tenant's settings, or null when it does not exist.</summary>
    public async Task<TenantSettings?> GetAsync(string tenant)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(tenant, out var hit) && now - hit.At < Lifetime) return hit.Settings;
        TenantSettings? settings;
        try
        {
            settings = await grains.GetGrain<ITenantGrain>(tenant).GetSettings();
        }
        catch (ChatException e) when (e.Code == ChatErrorCodes.NotFound)
        {
            settings = null;
        }

        cache[tenant] = (settings, now);
        return settings;
    }

    /// <summary>Forgets a tenant's cached settings (after an admin changed them here).</summary>
    public void Invalidate(string tenant) => cache.TryRemove(tenant, out _);
}
