using CustomerService.Grains.Conversations;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CustomerService.Browser.Tests;

/// <summary>A visitor on the demo page and agents in the console, in Debian's chromium, against the real WebFront.</summary>
public sealed class SupportJourneyTests(ITestOutputHelper output)
{
    private const float Timeout = 20_000;

    [Fact]
    [Trait("Category", "Browser")]
    public async Task AVisitorAndAgentsChatThroughTheWidgetAndTheConsoleFromFirstMessageToRating()
    {
        await using var site = await DemoSite.StartAsync();
        await site.CreateAgentAsync("bob@demo.local", "Bob Builder", "bob-password-1");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var errors = new List<string>();
        var visitor = await NewPageAsync(browser, site, errors, 1000, 760);
        var admin = await NewPageAsync(browser, site, errors, 1280, 800);
        var bob = await NewPageAsync(browser, site, errors, 1280, 800);
        try
        {
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

            // Message text stayed text everywhere.
            Assert.Equal(0, await Widget(visitor, ".msg b").CountAsync());
            Assert.Equal(0, await admin.Locator(".messages .msg b").CountAsync());
            Assert.Empty(errors);
        }
        finally
        {
            await visitor.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.ArtifactsDirectory, "widget.png") });
            await admin.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.ArtifactsDirectory, "console-admin.png") });
            await bob.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.ArtifactsDirectory, "console-bob.png") });
        }
    }

    private async Task<IPage> NewPageAsync(IBrowser browser, DemoSite site, List<string> errors, int width, int height)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = site.BaseUri.ToString(), ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        // The browser's console goes to the test output: the first place to look when a step times out.
        page.Console += (_, message) => output.WriteLine($"[{width}x{height} {message.Type}] {message.Text}");
        return page;
    }

    private static async Task LogInOnlineAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/console/");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("select[aria-label=Status]").WaitForAsync();
        await page.Locator(".offline-note").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = Timeout });
        await page.Locator("select[aria-label=Status]").SelectOptionAsync("online");
        await Expect(page.Locator("select[aria-label=Status].online"));
    }

    /// <summary>An element inside the widget's shadow root (Playwright's CSS pierces open shadow roots).</summary>
    private static ILocator Widget(IPage page, string selector) => page.Locator("[data-customerservice]").Locator(selector);

    private static Task Expect(ILocator locator) => locator.First.WaitForAsync(new() { Timeout = Timeout });
}
