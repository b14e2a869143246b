using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CustomerService.Browser.Tests;

/// <summary>One test's world: a fresh demo site, a chromium and the pages the test opened. Disposing it saves a
/// screenshot of every page still open (<c>{test}-{page}.png</c> in <see cref="DemoSite.ArtifactsDirectory"/>), so a
/// failed or passed run leaves pictures behind, then stops browser and site.</summary>
internal sealed class Scenario : IAsyncDisposable
{
    /// <summary>Every wait is bounded by this; generous because the test machine may be busy.</summary>
    public const float Timeout = 25_000;

    /// <summary>Records the page's WebSockets so a test can cut them (<c>window.__csDrop()</c>), and can make the
    /// socket close right after it sent a SendMessage frame containing <c>window.__csDropAfterSending</c> (an ack
    /// that never arrives). Chromium's offline emulation does not close open WebSockets, hence this. A cut socket also
    /// gets its close event at once, as when the browser notices a dead network: the real one waits for the closing
    /// handshake, which offline emulation can hold back past any test timeout.</summary>
    public const string SocketControlScript = """
        (() => {
          const Native = window.WebSocket;
          const sockets = [];
          const cut = (socket, reason) => {
            socket.close(4000, reason);
            socket.dispatchEvent(new CloseEvent("close", { code: 4000, reason, wasClean: false }));
          };
          window.__csDropAfterSending = null;
          window.__csSent = [];
          window.WebSocket = class extends Native {
            constructor(...args) { super(...args); sockets.push(this); }
            send(data) {
              if (typeof data === "string") window.__csSent.push(data);
              super.send(data);
              const marker = window.__csDropAfterSending;
              if (marker && typeof data === "string" && data.includes('"target":"SendMessage"') && data.includes(marker)) {
                window.__csDropAfterSending = null;
                cut(this, "test: dropped after sending");
              }
            }
          };
          window.__csDrop = () => { for (const s of sockets) if (s.readyState <= 1) cut(s, "test: dropped"); };
        })();
        """;

    private readonly ITestOutputHelper output;
    private readonly string test;
    private readonly List<(string Name, IPage Page)> pages = [];
    private readonly IPlaywright playwright;

    private Scenario(ITestOutputHelper output, string test, DemoSite site, IPlaywright playwright, IBrowser browser)
    {
        this.output = output;
        this.test = test;
        this.playwright = playwright;
        Site = site;
        Browser = browser;
    }

    public DemoSite Site { get; }

    public IBrowser Browser { get; }

    /// <summary>Uncaught errors of any page of the scenario.</summary>
    public List<string> PageErrors { get; } = [];

    public static async Task<Scenario> StartAsync(ITestOutputHelper output, string test, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var site = await DemoSite.StartAsync(settings);
        try
        {
            var (playwright, browser) = await Chromium.LaunchAsync();
            return new Scenario(output, test, site, playwright, browser);
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    /// <summary>A page in a context of its own (its own storage, like another browser or device).</summary>
    public async Task<IPage> NewPageAsync(string name, int width = 1000, int height = 760, BrowserNewContextOptions? options = null,
        bool socketControl = false)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = Site.BaseUri.ToString();
        options.ViewportSize = new ViewportSize { Width = width, Height = height };
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(Timeout);
        if (socketControl) await context.AddInitScriptAsync(SocketControlScript);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => { lock (PageErrors) PageErrors.Add($"{name}: {error}"); };
        // The browser's console goes to the test output: the first place to look when a step times out.
        page.Console += (_, message) => output.WriteLine($"[{name} {message.Type}] {message.Text}");
        page.Response += (_, response) => { if (response.Status >= 400) output.WriteLine($"[{name} http {response.Status}] {response.Request.Method} {response.Url}"); };
        lock (pages) pages.Add((name, page));
        return page;
    }

    /// <summary>Logs an agent into the console and sets it online.</summary>
    public static async Task LogInOnlineAsync(IPage page, string email, string password)
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

    public static Task LogInAdminOnlineAsync(IPage page) => LogInOnlineAsync(page, "admin@demo.local", DemoSite.AdminPassword);

    /// <summary>Opens the widget on the demo page and sends a first message.</summary>
    public static async Task StartChatAsync(IPage visitor, string text)
    {
        await visitor.GotoAsync("/");
        await Widget(visitor, ".bubble").First.ClickAsync();
        await SendFromWidgetAsync(visitor, text);
        await Expect(Widget(visitor, ".msg.mine").Filter(new() { HasText = text }));
    }

    public static async Task SendFromWidgetAsync(IPage visitor, string text)
    {
        await Widget(visitor, "textarea[aria-label=Message]").FillAsync(text);
        await Widget(visitor, "textarea[aria-label=Message]").PressAsync("Enter");
    }

    public static async Task ReplyFromConsoleAsync(IPage agent, string text)
    {
        await agent.Locator("textarea[aria-label=Reply]").FillAsync(text);
        await agent.Locator("textarea[aria-label=Reply]").PressAsync("Enter");
    }

    /// <summary>Opens, in the console, the conversation whose row shows this text.</summary>
    public static async Task OpenConversationAsync(IPage agent, string rowText)
    {
        await agent.Locator("li.row").Filter(new() { HasText = rowText }).First.Locator("a").ClickAsync();
        await Expect(agent.Locator(".messages .msg").Filter(new() { HasText = rowText }));
    }

    /// <summary>The clientMessageIds of every SendMessage invocation with this text the page put on a WebSocket
    /// (pages opened with socketControl), in order: a resend shows up as a repeated id.</summary>
    public static async Task<IReadOnlyList<string>> SentMessageIdsAsync(IPage page, string text) =>
        await page.EvaluateAsync<string[]>("""
            text => window.__csSent.flatMap(frame => frame.split("\x1e")).filter(record => record.length > 0)
              .map(record => JSON.parse(record))
              .filter(m => m.target === "SendMessage" && m.arguments?.[0]?.text === text)
              .map(m => m.arguments[0].clientMessageId)
            """, text);

    /// <summary>The visitor id the widget stored for the demo tenant.</summary>
    public static Task<string> VisitorIdAsync(IPage visitor) =>
        visitor.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('customerservice:demo')).visitorId");

    /// <summary>An element inside the widget's shadow root (Playwright's CSS pierces open shadow roots).</summary>
    public static ILocator Widget(IPage page, string selector) => page.Locator("[data-customerservice]").Locator(selector);

    public static Task Expect(ILocator locator) => locator.First.WaitForAsync(new() { Timeout = Timeout });

    public static Task ExpectGone(ILocator locator) =>
        locator.First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = Timeout });

    /// <summary>Waits for a condition evaluated in the page, bounded.</summary>
    public static Task ExpectInPage(IPage page, string predicate, object? arg = null) =>
        page.WaitForFunctionAsync(predicate, arg, new() { Timeout = Timeout, PollingInterval = 100 });

    public async Task ScreenshotAsync(IPage page, string name)
    {
        try
        {
            if (!page.IsClosed) await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.ArtifactsDirectory, $"{test}-{name}.png"), Timeout = 10_000 });
        }
        catch (PlaywrightException e)
        {
            output.WriteLine($"screenshot {name} failed: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var (name, page) in pages.ToList()) await ScreenshotAsync(page, name);
            await Browser.CloseAsync();
        }
        finally
        {
            playwright.Dispose();
            await Site.DisposeAsync();
        }
    }
}
