using CustomerService.Grains.Conversations;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static CustomerService.Browser.Tests.Scenario;

namespace CustomerService.Browser.Tests;

/// <summary>A visitor on the demo page and agents in the console, in Debian's chromium, against the real WebFront.</summary>
public sealed class SupportJourneyTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task AVisitorAndAgentsChatThroughTheWidgetAndTheConsoleFromFirstMessageToRating()
    {
        // The scenario saves a screenshot of every page when it ends (artifacts/browser/journey-*.png).
        await using var s = await StartAsync(output, "journey");
        var site = s.Site;
        await site.CreateAgentAsync("bob@demo.local", "Bob Builder", "bob-password-1");
        var visitor = await s.NewPageAsync("widget");
        var admin = await s.NewPageAsync("console-admin", 1280, 800);
        var bob = await s.NewPageAsync("console-bob", 1280, 800);

        // Both agents log in and go online; admin first, so the router gives the visitor to the admin.
        await LogInOnlineAsync(admin, "admin@demo.local", DemoSite.AdminPassword);

        // The visitor writes from the demo page, where the widget is embedded with one script tag.
        await visitor.GotoAsync("/");
        await Widget(visitor, ".bubble").First.ClickAsync();
        await Widget(visitor, "textarea").First.FillAsync("<b>hello</b> from the visitor");
        await Widget(visitor, "textarea").First.PressAsync("Enter");
        await Expect(Widget(visitor, ".msg.mine").Filter(new() { HasText = "<b>hello</b> from the visitor" }));

        // The admin's console lists it with one unread message, opens it, and the visitor sees it was read.
        var row = admin.Locator("li.row").Filter(new() { HasText = "from the visitor" });
        await Expect(row.Locator(".badge").Filter(new() { HasText = "1" }));
        await row.Locator("a").ClickAsync();
        await Expect(admin.Locator(".messages .msg").Filter(new() { HasText = "<b>hello</b> from the visitor" }));
        await Expect(Widget(visitor, ".state").Filter(new() { HasText = "Seen" }));

        // Typing shows on the other side; the reply arrives and is read.
        await admin.Locator("textarea[aria-label=Reply]").PressSequentiallyAsync("Hi, ");
        await Expect(Widget(visitor, ".typing").Filter(new() { HasText = "typing" }));
        await Widget(visitor, "textarea").First.PressSequentiallyAsync("still there?");
        await Expect(admin.Locator(".typing").Filter(new() { HasText = "typing" }));
        await Widget(visitor, "textarea").First.FillAsync("");
        await admin.Locator("textarea[aria-label=Reply]").FillAsync("Hi, how can I help?");
        await admin.Locator("textarea[aria-label=Reply]").PressAsync("Enter");
        await Expect(Widget(visitor, ".msg.theirs").Filter(new() { HasText = "how can I help?" }));
        await Expect(admin.Locator(".seen"));

        // With the panel closed, a new reply shows as an unread badge on the bubble.
        await Widget(visitor, "button[aria-label='Close chat']").First.ClickAsync();
        await admin.Locator("textarea[aria-label=Reply]").FillAsync("Are you still there?");
        await admin.Locator("textarea[aria-label=Reply]").PressAsync("Enter");
        await Expect(Widget(visitor, ".badge").Filter(new() { HasText = "1" }));

        // After a reload the visitor sees the whole history again.
        await visitor.ReloadAsync();
        await Widget(visitor, ".bubble").First.ClickAsync();
        await Expect(Widget(visitor, ".msg.mine").Filter(new() { HasText = "from the visitor" }));
        await Expect(Widget(visitor, ".msg.theirs").Filter(new() { HasText = "Are you still there?" }));

        // The admin transfers to Bob, who resolves it; the visitor rates.
        await LogInOnlineAsync(bob, "bob@demo.local", "bob-password-1");
        var bobOption = await admin.Locator("select[aria-label='Transfer to'] option").Filter(new() { HasText = "Bob Builder" }).GetAttributeAsync("value");
        await admin.Locator("select[aria-label='Transfer to']").SelectOptionAsync(bobOption!);
        await admin.Locator("button:has-text('Transfer')").ClickAsync();
        await Expect(admin.Locator(".conversation-head").Filter(new() { HasText = "Bob Builder" }));
        var bobsRow = bob.Locator("li.row").Filter(new() { HasText = "Transferred to Bob Builder" });
        await bobsRow.Locator("a").ClickAsync();
        await bob.Locator("button:has-text('Resolve')").ClickAsync();
        await Expect(bob.Locator(".conversation-head .status-chip.resolved"));
        await Expect(Widget(visitor, ".stars"));
        await Widget(visitor, ".stars button").Nth(3).ClickAsync();
        await Widget(visitor, "text=Send rating").First.ClickAsync();
        await Expect(Widget(visitor, "text=Thank you for your feedback."));

        // What the grains hold agrees with what the pages showed.
        var list = await site.Grains.GetGrain<IConversationListGrain>("demo")
            .List(new ConversationQuery(ConversationStatus.Resolved, null, false, null, null, 10)).WaitAsync(TimeSpan.FromSeconds(10));
        var done = Assert.Single(list);
        Assert.Equal("Bob Builder", done.Assignee?.Name);
        Assert.Equal(4, done.Rating?.Score);

        // Message text stayed text everywhere.
        Assert.Equal(0, await Widget(visitor, ".msg b").CountAsync());
        Assert.Equal(0, await admin.Locator(".messages .msg b").CountAsync());
        Assert.Empty(s.PageErrors);
    }
}
