namespace CustomerService.WebFront.Tests.Infrastructure;

/// <summary>One WebFront with the default settings and one Node driver, shared by a collection.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public WebFrontHost Host { get; private set; } = null!;
    public NodeSignalR Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var host = WebFrontHost.StartAsync();
        var node = NodeSignalR.StartAsync();
        Host = await host;
        Node = await node;
    }

    public async Task DisposeAsync()
    {
        if (Node is not null) await Node.DisposeAsync();
        if (Host is not null) await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>
{
    public const string Name = "demo";
}

/// <summary>A WebFront with tight limits: a small rate budget, small uploads, subscriptions that expire fast.</summary>
public sealed class StrictFixture : IAsyncLifetime
{
    public WebFrontHost Host { get; private set; } = null!;
    public NodeSignalR Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var host = WebFrontHost.StartAsync(new Dictionary<string, string?>
        {
            ["WebFront:RateLimits:ConnectionPermitsPerSecond"] = "1",
            ["WebFront:RateLimits:ConnectionBurst"] = "5",
            ["WebFront:Files:MaxBytes"] = "1024",
            // Grains forget subscriptions after 2 s and connections after 5 s unless renewed; this front-end renews every 0.5 s.
            ["Conversations:SubscriptionExpiry"] = "00:00:02",
            ["Agents:SubscriptionExpiry"] = "00:00:02",
            ["Agents:ConnectionExpiry"] = "00:00:05",
            ["Visitors:ConnectionExpiry"] = "00:00:05",
            ["WebFront:Feeds:RenewPeriod"] = "00:00:00.5",
        });
        var node = NodeSignalR.StartAsync();
        Host = await host;
        Node = await node;
    }

    public async Task DisposeAsync()
    {
        if (Node is not null) await Node.DisposeAsync();
        if (Host is not null) await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StrictCollection : ICollectionFixture<StrictFixture>
{
    public const string Name = "strict";
}
