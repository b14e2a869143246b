using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static CustomerService.Browser.Tests.Scenario;

namespace CustomerService.Browser.Tests;

/// <summary>The widget's connection drops under it (its WebSockets are cut and the browser is offline): it reconnects,
/// resumes from the last seq it showed and resends what had no ack, with the same clientMessageId.</summary>
public sealed class ReconnectTests(ITestOutputHelper output)
{
    private const string NoticeClear =
        "() => !document.querySelector('[data-customerservice]').shadowRoot.querySelector('.notice').textContent.includes('Reconnecting')";

    [Fact]
    [Trait("Category", "Browser")]
    public async Task AgentMessagesSentWhileTheWidgetIsDisconnectedAppearOnceAndInSeqOrderAfterItReconnects()
    {
        await using var s = await StartAsync(output, "reconnect-resume");
        var (admin, visitor) = await ChattingAsync(s, "hello before the drop");

        await DropAsync(visitor);
        string[] away = ["while away one", "while away two", "while away three"];
        foreach (var text in away)
        {
            await ReplyFromConsoleAsync(admin, text);
            await Expect(admin.Locator(".messages .msg").Filter(new() { HasText = text }));
        }
        await ExpectInPage(admin, "() => !document.querySelector('.messages').textContent.includes('Sending')");
        Assert.Equal(0, await Widget(visitor, ".msg").Filter(new() { HasText = "while away" }).CountAsync()); // really cut off

        await RestoreAsync(visitor);
        await Expect(Widget(visitor, ".msg.theirs").Filter(new() { HasText = "while away three" }));

        var shown = (await Widget(visitor, ".msg").AllTextContentsAsync()).ToList();
        var stored = (await s.Site.VisitorHistoryAsync(await VisitorIdAsync(visitor))).Select(Text).ToList();
        foreach (var text in away.Prepend("hello before the drop"))
        {
            Assert.Single(shown, t => t.Contains(text));
            Assert.Single(stored, t => t == text);
        }
        // The widget's order is the server's seq order.
        var bySeq = stored.Where(t => away.Contains(t) || t == "hello before the drop").ToList();
        var positions = bySeq.Select(t => shown.FindIndex(x => x.Contains(t!))).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Empty(s.PageErrors);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task AMessageWrittenWhileDisconnectedIsDeliveredExactlyOnceAfterReconnect()
    {
        await using var s = await StartAsync(output, "reconnect-offline-send");
        var (admin, visitor) = await ChattingAsync(s, "hello before going offline");

        await DropAsync(visitor);
        await SendFromWidgetAsync(visitor, "written while offline");
        await Expect(Widget(visitor, ".state").Filter(new() { HasText = "Sending" }));

        await RestoreAsync(visitor);
        await Expect(admin.Locator(".messages .msg").Filter(new() { HasText = "written while offline" }));
        await ExpectGone(Widget(visitor, ".state").Filter(new() { HasText = "Sending" }));

        await AssertOnceEverywhereAsync(s, admin, visitor, "written while offline");
        Assert.Single((await SentMessageIdsAsync(visitor, "written while offline")).Distinct());
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task AMessageWhoseAckWasLostIsStoredOnceWhenTheWidgetSendsItAgain()
    {
        await using var s = await StartAsync(output, "reconnect-lost-ack");
        var (admin, visitor) = await ChattingAsync(s, "hello before the lost ack");

        // The socket closes right after the frame with the message left: the server gets it, its ack never arrives,
        // so the widget sends it again after reconnecting, with the same clientMessageId.
        await visitor.EvaluateAsync("marker => { window.__csDropAfterSending = marker; }", "ack lost on the way back");
        await SendFromWidgetAsync(visitor, "ack lost on the way back");
        await Expect(admin.Locator(".messages .msg").Filter(new() { HasText = "ack lost on the way back" }));
        await ExpectGone(Widget(visitor, ".state").Filter(new() { HasText = "Sending" }));
        await ExpectInPage(visitor, NoticeClear);
        Assert.True(await visitor.EvaluateAsync<bool>("() => window.__csDropAfterSending === null"), "the socket was not cut after the send");
        // It went out twice, both times with the same clientMessageId; the server kept one.
        var sends = await SentMessageIdsAsync(visitor, "ack lost on the way back");
        Assert.True(sends.Count >= 2, $"sent {sends.Count} time(s), expected a resend");
        Assert.Single(sends.Distinct());

        await AssertOnceEverywhereAsync(s, admin, visitor, "ack lost on the way back");
    }

    private static async Task<(IPage Admin, IPage Visitor)> ChattingAsync(Scenario s, string first)
    {
        var admin = await s.NewPageAsync("console", 1280, 800);
        var visitor = await s.NewPageAsync("widget", socketControl: true);
        await LogInAdminOnlineAsync(admin);
        await StartChatAsync(visitor, first);
        await OpenConversationAsync(admin, first);
        await ExpectGone(Widget(visitor, ".state").Filter(new() { HasText = "Sending" }));
        return (admin, visitor);
    }

    /// <summary>Cuts the widget's connection and keeps it from coming back until <see cref="RestoreAsync"/>.</summary>
    private static async Task DropAsync(IPage visitor)
    {
        await visitor.Context.SetOfflineAsync(true);
        await visitor.EvaluateAsync("() => window.__csDrop()");
        await Expect(Widget(visitor, ".notice").Filter(new() { HasText = "Reconnecting" }));
    }

    private static async Task RestoreAsync(IPage visitor)
    {
        await visitor.Context.SetOfflineAsync(false);
        await ExpectInPage(visitor, NoticeClear);
    }

    private static async Task AssertOnceEverywhereAsync(Scenario s, IPage admin, IPage visitor, string text)
    {
        // A duplicate would come as a second message with its own seq: give one a moment to show up.
        await Task.Delay(1000);
        Assert.Equal(1, await admin.Locator(".messages .msg").Filter(new() { HasText = text }).CountAsync());
        Assert.Equal(1, await Widget(visitor, ".msg").Filter(new() { HasText = text }).CountAsync());
        var stored = await s.Site.VisitorHistoryAsync(await VisitorIdAsync(visitor));
        Assert.Single(stored, m => Text(m) == text);
        Assert.Empty(s.PageErrors);
    }

    private static string? Text(JsonElement message) => message.GetProperty("text").GetString();
}
