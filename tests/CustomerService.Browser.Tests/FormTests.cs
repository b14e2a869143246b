using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static CustomerService.Browser.Tests.Scenario;

namespace CustomerService.Browser.Tests;

/// <summary>The widget's forms against the real server: the offline form when nobody is online, the pre-chat form
/// when the tenant turns it on.</summary>
public sealed class FormTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task WithNoAgentOnlineTheWidgetOffersTheOfflineFormAndAnAgentFindsTheMessageLater()
    {
        await using var s = await StartAsync(output, "offline-form");
        var settings = await s.Site.Http.GetFromJsonAsync<JsonElement>("/api/v1/widget/settings?tenant=demo");
        Assert.False(settings.GetProperty("agentsOnline").GetBoolean());

        var visitor = await s.NewPageAsync("widget");
        await visitor.GotoAsync("/");
        await Widget(visitor, ".bubble").First.ClickAsync();
        await Expect(Widget(visitor, "button.primary").Filter(new() { HasText = "Leave a message" }));
        Assert.True(await Widget(visitor, "form.composer").IsHiddenAsync());
        await Widget(visitor, "input[name=name]").FillAsync("Olga Offline");
        await Widget(visitor, "input[name=email]").FillAsync("olga@example.com");
        await Widget(visitor, "textarea[name=question]").FillAsync("please call me back");
        await Widget(visitor, "button.primary").Filter(new() { HasText = "Leave a message" }).ClickAsync();
        await Expect(Widget(visitor, ".msg.mine").Filter(new() { HasText = "please call me back" }));
        await ExpectGone(Widget(visitor, ".state").Filter(new() { HasText = "Sending" }));

        // Later an agent comes online and finds it, with the name and e-mail the visitor left.
        var admin = await s.NewPageAsync("console", 1280, 800);
        await LogInAdminOnlineAsync(admin);
        await admin.Locator("button[role=tab]").Filter(new() { HasText = "All" }).ClickAsync();
        await OpenConversationAsync(admin, "please call me back");
        await Expect(admin.Locator("aside.visitor dd").Filter(new() { HasText = "Olga Offline" }));
        await AssertNamedEverywhereAsync(admin, "Olga Offline");
        await Expect(admin.Locator("aside.visitor dd").Filter(new() { HasText = "olga@example.com" }));

        // And the answer reaches the visitor, who is still on the page.
        await ReplyFromConsoleAsync(admin, "calling you now");
        await Expect(Widget(visitor, ".msg.theirs").Filter(new() { HasText = "calling you now" }));
        // The header no longer says nobody is there, and a new visitor who opens the widget now gets the composer.
        await Expect(Widget(visitor, ".sub").Filter(new() { HasText = "We reply in a few minutes" }));
        var later = await s.NewPageAsync("widget-later");
        await later.GotoAsync("/");
        await Widget(later, ".bubble").First.ClickAsync();
        await Expect(Widget(later, "form.composer"));
        Assert.Empty(s.PageErrors);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task APreChatFormTurnedOnByTheAdminGivesTheAgentTheVisitorsNameAndTheQuestionAsFirstMessage()
    {
        await using var s = await StartAsync(output, "prechat-form");
        var token = await s.Site.LoginAsync("admin@demo.local", DemoSite.AdminPassword);
        var tenantSettings = JsonNode.Parse((await s.Site.CallAsync(HttpMethod.Get, "/api/v1/settings", token))!.Value.GetRawText())!;
        tenantSettings["preChatForm"] = new JsonObject { ["enabled"] = true, ["fields"] = new JsonArray("name", "email", "question") };
        await s.Site.CallAsync(HttpMethod.Put, "/api/v1/settings", token, tenantSettings);

        var admin = await s.NewPageAsync("console", 1280, 800);
        var visitor = await s.NewPageAsync("widget");
        await LogInAdminOnlineAsync(admin);
        await visitor.GotoAsync("/");
        await Widget(visitor, ".bubble").First.ClickAsync();
        await Expect(Widget(visitor, "button.primary").Filter(new() { HasText = "Start chat" }));
        await Widget(visitor, "input[name=name]").FillAsync("Pat Prechat");
        await Widget(visitor, "input[name=email]").FillAsync("pat@example.com");
        await Widget(visitor, "textarea[name=question]").FillAsync("where is my parcel?");
        await Widget(visitor, "button.primary").Filter(new() { HasText = "Start chat" }).ClickAsync();
        await Expect(Widget(visitor, ".msg.mine").Filter(new() { HasText = "where is my parcel?" }));

        await OpenConversationAsync(admin, "where is my parcel?");
        await Expect(admin.Locator("aside.visitor dd").Filter(new() { HasText = "Pat Prechat" }));
        await Expect(admin.Locator("aside.visitor dd").Filter(new() { HasText = "pat@example.com" }));
        await AssertNamedEverywhereAsync(admin, "Pat Prechat");
        var first = admin.Locator(".messages .msg").Filter(new() { HasNotText = "assigned" }).First;
        Assert.Contains("where is my parcel?", await first.TextContentAsync());
        var history = await s.Site.VisitorHistoryAsync(await VisitorIdAsync(visitor));
        var firstFromVisitor = history.First(m => m.GetProperty("author").GetProperty("kind").GetString() == "visitor");
        Assert.Equal("where is my parcel?", firstFromVisitor.GetProperty("text").GetString());
        Assert.Empty(s.PageErrors);
    }

    /// <summary>The name the visitor gave is what agents see: in the list, the conversation's header and on the
    /// visitor's messages (not the anonymous "Visitor").</summary>
    private static async Task AssertNamedEverywhereAsync(Microsoft.Playwright.IPage admin, string name)
    {
        Assert.Equal(name, await admin.Locator("li.row.selected .who").TextContentAsync());
        Assert.Contains(name, await admin.Locator(".conversation-head").TextContentAsync());
        Assert.Contains(name, await admin.Locator(".messages .msg").Filter(new() { HasNotText = "assigned" }).First.TextContentAsync());
    }
}
