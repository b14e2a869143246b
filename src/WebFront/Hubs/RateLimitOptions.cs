namespace CustomerService.WebFront.Hubs;

/// <summary>Token buckets for hub calls and REST requests, bound from <c>WebFront:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "WebFront:RateLimits";

    /// <summary>Hub calls per second one connection may make on average.</summary>
    public double ConnectionPermitsPerSecond { get; set; } = 10;

    /// <summary>Hub calls one connection may make in a burst.</summary>
    public double ConnectionBurst { get; set; } = 30;

    /// <summary>Hub calls per second all connections of one tenant may make on average (on this front-end).</summary>
    public double TenantPermitsPerSecond { get; set; } = 50_000;

    /// <summary>Hub calls all connections of one tenant may make in a burst.</summary>
    public double TenantBurst { get; set; } = 100_000;

    /// <summary>REST requests per minute from one client address.</summary>
    public int RestPermitsPerMinute { get; set; } = 1200;
}
