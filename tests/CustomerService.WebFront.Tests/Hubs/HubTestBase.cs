using System.Text.Json;
using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Hubs;

/// <summary>Helpers to open visitor and agent connections through the Node client.</summary>
public abstract class HubTestBase(WebFrontHost host, NodeSignalR node)
{
    protected WebFrontHost Host { get; } = host;
    protected NodeSignalR Node { get; } = node;

    protected async Task<(string Connection, string Token)> VisitorAsync(string tenant = "demo", string? origin = null)
    {
        var session = await Host.SessionAsync(new { tenant }, origin);
        var token = session.GetProperty("visitorToken").GetString()!;
        return (await Node.ConnectAsync(Host.Hub("visitor"), token, origin), token);
    }

    protected async Task<string> AgentAsync() => await Node.ConnectAsync(Host.Hub("agent"), await Host.LoginAsync());

    protected static object Message(string text, string? clientMessageId = null) =>
        new { clientMessageId = clientMessageId ?? Guid.NewGuid().ToString(), text };

    /// <summary>The visitor's first message; returns the conversation id (without the tenant).</summary>
    protected async Task<string> StartConversationAsync(string visitor, string text = "hello")
    {
        await Node.InvokeAsync(visitor, "SendMessage", Message(text));
        var conversation = await Node.InvokeAsync(visitor, "GetConversation");
        return conversation.GetProperty("id").GetString()!;
    }

    protected static JsonElement First(JsonElement eventArgs) => eventArgs[0];
}
