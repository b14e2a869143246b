using System.Net;
using System.Net.Sockets;
using CustomerService.Grains.Hosting;
using CustomerService.Grains.Messages;
using CustomerService.Runtime.Cluster;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Testing.Redis;
using CustomerService.WebFront.Tests.Hubs;
using CustomerService.WebFront.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.WebFront.Tests.Cluster;

/// <summary>Cluster mode: a silo hosting the chat grains with membership in a real redis-server, and a WebFront that
/// is only a grain client of it (<c>Silo:Membership:Provider=Redis</c>).</summary>
[Trait("Category", "Integration")]
public sealed class ClusterModeTests
{
    [Fact]
    public async Task AFrontEndInClusterModeSeedsLogsInAndCarriesMessagesThroughTheSilo()
    {
        if (!ThrowawayRedis.IsInstalled) return; // test.sh installs redis-server
        await using var redis = await ThrowawayRedis.StartAsync().Within(TimeSpan.FromSeconds(30));
        var data = Directory.CreateTempSubdirectory("cs-cluster-").FullName;
        await using var silo = await StartSiloAsync(redis, data);

        await using var front = await WebFrontHost.StartAsync(new Dictionary<string, string?>
        {
            ["Silo:Membership:Provider"] = "Redis",
            ["Silo:Membership:ConnectionString"] = redis.ConnectionString,
            ["Silo:Membership:ClusterId"] = "webfront-tests",
        }, Path.Combine(data, "front"));
        await using var node = await NodeSignalR.StartAsync();

        var token = await LoginWhenSeededAsync(front);
        var session = await front.SessionAsync();
        var visitor = await node.ConnectAsync(front.Hub("visitor"), session.GetProperty("visitorToken").GetString());
        await node.InvokeAsync(visitor, "SendMessage", new { clientMessageId = "c1", text = "over the cluster" });
        var conversationId = (await node.InvokeAsync(visitor, "GetConversation")).GetProperty("id").GetString()!;

        var agent = await node.ConnectAsync(front.Hub("agent"), token);
        await node.InvokeAsync(agent, "Open", conversationId);
        await node.InvokeAsync(agent, "SendMessage", new { conversationId, clientMessageId = "a1", text = "answered" });
        var reply = (await node.WaitAsync(visitor, "message"))[0];
        if (reply.GetProperty("text").GetString() == "over the cluster") reply = (await node.WaitAsync(visitor, "message"))[0]; // its own, first
        Assert.Equal("answered", reply.GetProperty("text").GetString());
        await node.InvokeAsync(visitor, "SendMessage", new { clientMessageId = "c2", text = "thanks" });
        string? text;
        do text = (await node.WaitAsync(agent, "message"))[0].GetProperty("text").GetString(); // the agent's own reply comes first
        while (text == "answered");
        Assert.Equal("thanks", text);
    }

    [Fact]
    public async Task AnIdleFirstTabOnOneFrontEndHearsAConversationThatATabOnAnotherFrontEndStarted()
    {
        if (!ThrowawayRedis.IsInstalled) return;
        await using var redis = await ThrowawayRedis.StartAsync().Within(TimeSpan.FromSeconds(30));
        var data = Directory.CreateTempSubdirectory("cs-cluster-").FullName;
        await using var silo = await StartSiloAsync(redis, data);
        // Two front-ends of one cluster share the keys that sign tokens, as docs/webfront.md asks.
        var cluster = new Dictionary<string, string?>
        {
            ["Silo:Membership:Provider"] = "Redis",
            ["Silo:Membership:ConnectionString"] = redis.ConnectionString,
            ["Silo:Membership:ClusterId"] = "webfront-tests",
            ["WebFront:KeysDirectory"] = Path.Combine(data, "keys"),
        };
        await using var frontA = await WebFrontHost.StartAsync(cluster, Path.Combine(data, "a"));
        await using var frontB = await WebFrontHost.StartAsync(cluster, Path.Combine(data, "b"));
        await using var node = await NodeSignalR.StartAsync();
        var token = await LoginWhenSeededAsync(frontA);

        // A first visit: the first tab connects through A and stays idle; a second tab, through B, writes first.
        var visitorToken = (await frontA.SessionAsync()).GetProperty("visitorToken").GetString();
        var idleTab = await node.ConnectAsync(frontA.Hub("visitor"), visitorToken);
        var writingTab = await node.ConnectAsync(frontB.Hub("visitor"), visitorToken);
        await node.InvokeAsync(writingTab, "SendMessage", new { clientMessageId = "c1", text = "from the second tab" });
        var conversationId = (await node.InvokeAsync(writingTab, "GetConversation")).GetProperty("id").GetString()!;

        var agent = await node.ConnectAsync(frontA.Hub("agent"), token);
        await node.InvokeAsync(agent, "Open", conversationId);
        await node.InvokeAsync(agent, "SendMessage", new { conversationId, clientMessageId = "a1", text = "answered" });

        // The idle tab hears the visitor's own first message and the answer live, without writing or reconnecting.
        var texts = new List<string?>();
        while (!texts.Contains("answered"))
            texts.Add((await node.WaitAsync(idleTab, "message", TimeSpan.FromSeconds(10)))[0].GetProperty("text").GetString());
        Assert.Equal(["from the second tab", "answered"], texts);
    }

    [Fact]
    public async Task AFrontEndDoesNotGoDeafWhenItsSiloIsReplaced()
    {
        if (!ThrowawayRedis.IsInstalled) return;
        await using var redis = await ThrowawayRedis.StartAsync().Within(TimeSpan.FromSeconds(30));
        var data = Directory.CreateTempSubdirectory("cs-cluster-").FullName;
        var silo = await StartSiloAsync(redis, data);
        try
        {
            await using var front = await WebFrontHost.StartAsync(new Dictionary<string, string?>
            {
                ["Silo:Membership:Provider"] = "Redis",
                ["Silo:Membership:ConnectionString"] = redis.ConnectionString,
                ["Silo:Membership:ClusterId"] = "webfront-tests",
                ["WebFront:Feeds:RenewPeriod"] = "00:00:01",
            }, Path.Combine(data, "front"));
            await using var node = await NodeSignalR.StartAsync();
            var token = await LoginWhenSeededAsync(front);
            var session = await front.SessionAsync();
            var visitor = await node.ConnectAsync(front.Hub("visitor"), session.GetProperty("visitorToken").GetString());
            await node.InvokeAsync(visitor, "SendMessage", new { clientMessageId = "c1", text = "before" });
            var conversationId = (await node.InvokeAsync(visitor, "GetConversation")).GetProperty("id").GetString()!;
            var agent = await node.ConnectAsync(front.Hub("agent"), token);
            await node.InvokeAsync(agent, "Open", conversationId);

            // The silo goes away with every activation and observer registration it held; a new one takes over.
            await silo.StopAsync().Within(TimeSpan.FromSeconds(30));
            await silo.DisposeAsync();
            silo = await StartSiloAsync(redis, data);

            // The visitor's send may meet the change-over (unavailable): retry with the same client message id.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await node.InvokeAsync(visitor, "SendMessage", new { clientMessageId = "c2", text = "after" });
                    break;
                }
                catch (NodeCallException) when (attempt < 20)
                {
                    await Task.Delay(500);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2)); // a renewal pass has re-subscribed by now
            await node.InvokeAsync(visitor, "SendMessage", new { clientMessageId = "c3", text = "heard" });
            string? text;
            do text = (await node.WaitAsync(agent, "message", TimeSpan.FromSeconds(10)))[0].GetProperty("text").GetString();
            while (text != "heard");
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }

    private static async Task<string> LoginWhenSeededAsync(WebFrontHost front)
    {
        // In cluster mode the seed runs in the background until the silos answer.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await front.LoginAsync();
            }
            catch (HttpRequestException) when (attempt < 40)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task<WebApplication> StartSiloAsync(ThrowawayRedis redis, string data)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseGrainRuntime(silo =>
        {
            silo.Services.AddSqliteGrainStorage("Default", o => o.ConnectionString = $"Data Source={Path.Combine(data, "silo.db")}");
            silo.AddCustomerServiceGrains(MessageStoreEngine.Sqlite, o => o.ConnectionString = $"Data Source={Path.Combine(data, "messages.db")}");
            silo.Services.AddRedisMembership(o => { o.ConnectionString = redis.ConnectionString; o.ClusterId = "webfront-tests"; });
            silo.UseCluster(o => { o.SiloPort = FreePort(); o.AdvertisedHost = "127.0.0.1"; });
        });
        var app = builder.Build();
        await app.StartAsync().Within(TimeSpan.FromSeconds(60));
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
