using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using static CustomerService.Browser.Tests.Scenario;

namespace CustomerService.Browser.Tests;

/// <summary>One agent in two browser tabs (separate contexts, each logged in on its own).</summary>
public sealed class AgentTabsTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task AnAgentLoggedInInTwoTabsReceivesTheVisitorsMessagesInBoth()
    {
        await using var s = await StartAsync(output, "agent-two-tabs");
        var first = await s.NewPageAsync("console-tab1", 1280, 800);
        var second = await s.NewPageAsync("console-tab2", 1280, 800);
        var visitor = await s.NewPageAsync("widget");
        await LogInAdminOnlineAsync(first);
        await LogInAdminOnlineAsync(second);

        await StartChatAsync(visitor, "hello to both tabs");
        foreach (var tab in new[] { first, second })
            await Expect(tab.Locator("li.row").Filter(new() { HasText = "hello to both tabs" }));
        foreach (var tab in new[] { first, second })
            await OpenConversationAsync(tab, "hello to both tabs");

        await SendFromWidgetAsync(visitor, "a second message");
        foreach (var tab in new[] { first, second })
            await Expect(tab.Locator(".messages .msg").Filter(new() { HasText = "a second message" }));

        // The server does not echo a message to the connection that sent it: the sending tab shows its reply, and
        // its list's preview, from the ack; the other tab and the widget from the event.
        await ReplyFromConsoleAsync(first, "one reply, shown everywhere");
        foreach (var tab in new[] { first, second })
        {
            await Expect(tab.Locator(".messages .msg").Filter(new() { HasText = "one reply, shown everywhere" }));
            await Expect(tab.Locator("li.row .preview").Filter(new() { HasText = "one reply, shown everywhere" }));
        }

        await Expect(Widget(visitor, ".msg").Filter(new() { HasText = "one reply, shown everywhere" }));
        Assert.Empty(s.PageErrors);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task ClosingOneOfTheAgentsTabsLeavesTheAgentOnlineAndTheOtherTabFollowingTheConversation()
    {
        // A short grace, so an agent wrongly counted as gone would be offline within the test.
        await using var s = await StartAsync(output, "agent-tab-closed", new Dictionary<string, string?> { ["Agents:PresenceGrace"] = "00:00:02" });
        var first = await s.NewPageAsync("console-tab1", 1280, 800);
        var second = await s.NewPageAsync("console-tab2", 1280, 800);
        var visitor = await s.NewPageAsync("widget");
        await LogInAdminOnlineAsync(first);
        await LogInAdminOnlineAsync(second);
        await StartChatAsync(visitor, "before a tab closes");
        foreach (var tab in new[] { first, second })
            await OpenConversationAsync(tab, "before a tab closes");

        await second.Context.CloseAsync();
        await Task.Delay(5000); // the grace and then some

        Assert.Equal("online", await first.Locator("select[aria-label=Status]").InputValueAsync());
        var token = await s.Site.LoginAsync("admin@demo.local", DemoSite.AdminPassword);
        Assert.Equal("online", (await s.Site.CallAsync(HttpMethod.Get, "/api/v1/me", token))!.Value.GetProperty("status").GetString());
        var settings = await s.Site.Http.GetFromJsonAsync<JsonElement>("/api/v1/widget/settings?tenant=demo");
        Assert.True(settings.GetProperty("agentsOnline").GetBoolean());

        // The conversation both tabs followed still reaches the remaining one, and stays assigned.
        await SendFromWidgetAsync(visitor, "after the other tab closed");
        await Expect(first.Locator(".messages .msg").Filter(new() { HasText = "after the other tab closed" }));
        Assert.Contains("Assigned to Admin", await first.Locator(".conversation-head").TextContentAsync());
        Assert.Empty(s.PageErrors);
    }
}
