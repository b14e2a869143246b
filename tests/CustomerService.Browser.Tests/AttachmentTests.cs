using Microsoft.Playwright;
using Xunit.Abstractions;
using static CustomerService.Browser.Tests.Scenario;

namespace CustomerService.Browser.Tests;

/// <summary>Files sent through the widget's file input, against the real upload endpoint and its content sniffing.</summary>
public sealed class AttachmentTests(ITestOutputHelper output)
{
    // A 1x1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private const string ImagesShownInWidget =
        "() => [...document.querySelector('[data-customerservice]').shadowRoot.querySelectorAll('.msg img')]" +
        ".some(i => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0)";

    private const string ImagesShownInConsole =
        "() => [...document.querySelectorAll('.messages img.attachment')].some(i => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0)";

    [Fact]
    [Trait("Category", "Browser")]
    public async Task APngTheVisitorUploadsShowsAsAnImageInTheAgentsConsole()
    {
        await using var s = await StartAsync(output, "attachment-png");
        var admin = await s.NewPageAsync("console", 1280, 800);
        var visitor = await s.NewPageAsync("widget");
        await LogInAdminOnlineAsync(admin);
        await StartChatAsync(visitor, "I attach a screenshot");
        await OpenConversationAsync(admin, "I attach a screenshot");

        await Widget(visitor, "input[type=file]").SetInputFilesAsync(new FilePayload { Name = "screenshot.png", MimeType = "image/png", Buffer = Png });

        await ExpectInPage(visitor, ImagesShownInWidget);
        await ExpectInPage(admin, ImagesShownInConsole);
        Assert.Equal("screenshot.png", await admin.Locator(".messages img.attachment").First.GetAttributeAsync("alt"));
        var history = await s.Site.VisitorHistoryAsync(await VisitorIdAsync(visitor));
        var attachment = Assert.Single(history.Last().GetProperty("attachments").EnumerateArray());
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        Assert.Empty(s.PageErrors);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task AnHtmlFileNamedPngIsRefusedWithAVisibleErrorAndNeverReachesTheAgent()
    {
        await using var s = await StartAsync(output, "attachment-html");
        var admin = await s.NewPageAsync("console", 1280, 800);
        var visitor = await s.NewPageAsync("widget");
        await LogInAdminOnlineAsync(admin);
        await StartChatAsync(visitor, "here comes a picture");
        await OpenConversationAsync(admin, "here comes a picture");

        // The server types uploads by their bytes: markup is refused whatever its name and claimed type say.
        var html = "<!doctype html><html><body><script>parent.document.title='pwned'</script></body></html>"u8.ToArray();
        await Widget(visitor, "input[type=file]").SetInputFilesAsync(new FilePayload { Name = "cat.png", MimeType = "image/png", Buffer = html });

        await Expect(Widget(visitor, ".notice").Filter(new() { HasText = "not accepted" }));
        Assert.Contains("Could not send the file", await Widget(visitor, ".notice").TextContentAsync());

        // Nothing was sent: the next message follows the first directly, on both sides and in the stored history.
        await SendFromWidgetAsync(visitor, "after the refused file");
        await Expect(admin.Locator(".messages .msg").Filter(new() { HasText = "after the refused file" }));
        Assert.Equal(0, await admin.Locator(".messages .attachment").CountAsync());
        Assert.Equal(0, await Widget(visitor, ".msg img, .msg a.file").CountAsync());
        var history = await s.Site.VisitorHistoryAsync(await VisitorIdAsync(visitor));
        Assert.Equal(["here comes a picture", "after the refused file"],
            history.Where(m => m.GetProperty("author").GetProperty("kind").GetString() == "visitor").Select(m => m.GetProperty("text").GetString()));
        Assert.All(history, m => Assert.Empty(m.GetProperty("attachments").EnumerateArray()));
        Assert.NotEqual("pwned", await visitor.TitleAsync());
        Assert.Empty(s.PageErrors);
    }
}
