using Xunit.Abstractions;
using static CustomerService.Browser.Tests.Scenario;

namespace CustomerService.Browser.Tests;

public sealed class MobileLayoutTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Browser")]
    public async Task OnA390By740PhoneTheOpenWidgetFillsTheWholeScreen()
    {
        await using var s = await StartAsync(output, "mobile");
        var phone = await s.NewPageAsync("widget-390x740", 390, 740, new() { IsMobile = true, HasTouch = true });
        await phone.GotoAsync("/");
        await Widget(phone, ".bubble").First.ClickAsync();
        var panel = Widget(phone, ".panel").First;
        await Expect(panel);

        var box = (await panel.BoundingBoxAsync())!;
        Assert.Equal((0f, 0f, 390f, 740f), (box.X, box.Y, box.Width, box.Height));
        // Nothing of the panel is off screen: its header at the top, its form or composer at the bottom.
        var header = (await Widget(phone, "header").First.BoundingBoxAsync())!;
        Assert.Equal(0f, header.Y);
        var close = Widget(phone, "button[aria-label='Close chat']").First;
        Assert.True(await close.IsVisibleAsync());
        await s.ScreenshotAsync(phone, "widget-390x740-open");

        await close.ClickAsync();
        await Widget(phone, ".panel[hidden]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = Scenario.Timeout });
        Assert.Empty(s.PageErrors);
    }
}
