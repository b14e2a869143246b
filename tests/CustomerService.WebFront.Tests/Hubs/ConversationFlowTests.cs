using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Tenants;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Hubs;

[Collection(DemoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ConversationFlowTests(DemoFixture fixture) : HubTestBase(fixture.Host, fixture.Node)
{
    [Fact]
    public async Task AnAgentListsAcceptsLabelsAndClosesAndTheVisitorSeesItAndRates()
    {
        var (visitor, _) = await VisitorAsync();
        var conversationId = await StartConversationAsync(visitor, "need help");
        var agent = await AgentAsync();

        var status = await Node.InvokeAsync(agent, "SetStatus", "online");
        Assert.Equal("online", status.GetProperty("status").GetString());

        var listed = await Node.InvokeAsync(agent, "ListConversations", new { limit = 200 });
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("id").GetString() == conversationId);
        var all = await Node.InvokeAsync(agent, "ListConversations");
        Assert.Equal(JsonValueKind.Array, all.ValueKind);

        await Node.InvokeAsync(agent, "Open", conversationId);
        var labelled = await Node.InvokeAsync(agent, "AddLabel", conversationId, "billing");
        Assert.Contains("billing", labelled.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));

        var closed = await Node.InvokeAsync(agent, "Close", conversationId);
        Assert.Equal("resolved", closed.GetProperty("status").GetString());
        Assert.Equal(conversationId, closed.GetProperty("id").GetString());
        await WaitForStatusAsync(visitor, "resolved");

        await Node.InvokeAsync(visitor, "Rate", 5);
        var rated = await Node.InvokeAsync(visitor, "GetConversation");
        Assert.Equal(5, rated.GetProperty("rating").GetProperty("score").GetInt32());

        var details = await Node.InvokeAsync(agent, "GetVisitor", conversationId);
        Assert.True(details.GetProperty("online").GetBoolean());
        await Node.InvokeAsync(agent, "SetStatus", "offline");
    }

    [Fact]
    public async Task RestListsConversationsAndMessagesForAgentsOnly()
    {
        var (visitor, visitorToken) = await VisitorAsync();
        var conversationId = await StartConversationAsync(visitor, "via rest");
        var token = await Host.LoginAsync();

        using var one = await Host.GetAsync($"/api/v1/conversations/{conversationId}", token);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(conversationId, (await one.Content.ReadFromJsonAsync<JsonElement>().Within()).GetProperty("id").GetString());

        using var messages = await Host.GetAsync($"/api/v1/conversations/{conversationId}/messages?limit=10", token);
        var list = await messages.Content.ReadFromJsonAsync<JsonElement>().Within();
        Assert.Equal("via rest", list[0].GetProperty("text").GetString());
        Assert.Equal(conversationId, list[0].GetProperty("conversationId").GetString());

        using var missing = await Host.GetAsync("/api/v1/conversations/no-such-conversation", token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", (await missing.Content.ReadFromJsonAsync<JsonElement>().Within()).GetProperty("code").GetString());

        using var asVisitor = await Host.GetAsync($"/api/v1/conversations/{conversationId}/messages", visitorToken);
        Assert.Equal(HttpStatusCode.Unauthorized, asVisitor.StatusCode);
    }

    [Fact]
    public async Task AnOnlineAgentIsAssignedANewConversationAndHearsItsUnreadCount()
    {
        // A tenant of its own, so that no other test's queued conversation takes the agent's capacity.
        var tenant = $"routing-{Guid.NewGuid():N}"[..30];
        await Tenants.EnsureAsync(Host.Grains, tenant);
        var hash = Host.Service<AgentPasswords>().Hash("agent-password-2");
        await Host.Grains.GetGrain<ITenantGrain>(tenant).CreateAgent(new AgentUpdate("rita@routing.local", "Rita", AgentRole.Agent, 5, [], hash)).Within();
        var agent = await Node.ConnectAsync(Host.Hub("agent"), await Host.LoginAsync("rita@routing.local", "agent-password-2", tenant));
        await Node.InvokeAsync(agent, "SetStatus", "online");
        try
        {
            var (visitor, _) = await VisitorAsync(tenant);
            var conversationId = await StartConversationAsync(visitor, "route me");
            JsonElement assigned;
            do assigned = First(await Node.WaitAsync(agent, "conversationAssigned")); // earlier tests' queued ones come first
            while (assigned.GetProperty("id").GetString() != conversationId);
            Assert.Equal("Rita", assigned.GetProperty("assignee").GetProperty("name").GetString());

            await Node.InvokeAsync(visitor, "SendMessage", Message("still there?"));
            JsonElement message;
            do message = First(await Node.WaitAsync(agent, "message")); // without Open: the agent follows what it is assigned
            while (message.GetProperty("text").GetString() != "still there?");
            JsonElement unread;
            do unread = First(await Node.WaitAsync(agent, "unread"));
            while (unread.GetProperty("conversationId").GetString() != conversationId || unread.GetProperty("count").GetInt64() < 2);
            Assert.Equal(conversationId, unread.GetProperty("conversationId").GetString());
            Assert.True(unread.GetProperty("total").GetInt64() >= 2);

            // A tab opened later follows the agent's assigned conversations from the start.
            var secondTab = await Node.ConnectAsync(Host.Hub("agent"), await Host.LoginAsync("rita@routing.local", "agent-password-2", tenant));
            await Node.InvokeAsync(visitor, "SendMessage", Message("hello second tab"));
            Assert.Equal("hello second tab", First(await Node.WaitAsync(secondTab, "message")).GetProperty("text").GetString());
        }
        finally
        {
            await Node.InvokeAsync(agent, "SetStatus", "offline");
        }
    }

    private async Task WaitForStatusAsync(string visitor, string status)
    {
        for (var i = 0; i < 10; i++)
        {
            var update = First(await Node.WaitAsync(visitor, "conversationUpdated"));
            if (update.GetProperty("status").GetString() == status) return;
        }

        Assert.Fail($"no conversationUpdated with status {status}");
    }
}
