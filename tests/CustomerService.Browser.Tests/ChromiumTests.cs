namespace CustomerService.Browser.Tests;

public sealed class ChromiumTests
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task DebiansChromiumRendersAPageThroughPlaywright()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<p id=t>text</p><script>document.getElementById('t').textContent += ' ok'</script>");
        Assert.Equal("text ok", await page.TextContentAsync("#t"));
    }
}
