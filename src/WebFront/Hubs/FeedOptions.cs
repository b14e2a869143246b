namespace CustomerService.WebFront.Hubs;

/// <summary>How this front-end keeps its grain subscriptions alive, bound from <c>WebFront:Feeds</c>.</summary>
public sealed class FeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "WebFront:Feeds";

    /// <summary>How often every observer subscription is renewed. Keep it well inside the grains' subscription
    /// expiry (<c>Conversations:SubscriptionExpiry</c>, default 5 minutes): a third of it or less.</summary>
    public TimeSpan RenewPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How soon subscriptions are renewed after a grain call failed with a cluster error (a silo left).</summary>
    public TimeSpan RenewAfterClusterError { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The shortest time between two <c>unread</c> events of one conversation to one visitor's or agent's
    /// connections: a change after a quiet spell goes out at once, the changes within this interval after it as one
    /// event with the newest count. Zero sends every change.</summary>
    public TimeSpan UnreadInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
