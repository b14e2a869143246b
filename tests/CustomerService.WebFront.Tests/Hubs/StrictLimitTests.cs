using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Hubs;

[Collection(StrictCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StrictLimitTests(StrictFixture fixture) : HubTestBase(fixture.Host, fixture.Node)
{
    [Fact]
    public async Task CallsOverTheConnectionsBudgetAreRateLimitedAndTheConnectionStaysOpen()
    {
        var (visitor, _) = await VisitorAsync();
        var errors = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            try { await Node.InvokeAsync(visitor, "GetConversation"); }
            catch (NodeCallException e) { errors.Add(HubSecurityTests.ServerMessage(e.Message)); }
        }

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("rate_limited:", e));
        Assert.Equal("Connected", await Node.StateAsync(visitor));
    }

    [Fact]
    public async Task EventsAndPresenceOutliveTheGrainsExpiryBecauseTheFrontEndRenewsThem()
    {
        var (visitor, _) = await VisitorAsync();
        var conversationId = await StartConversationAsync(visitor, "before");
        var agent = await AgentAsync();
        await Node.InvokeAsync(agent, "Open", conversationId);

        await Task.Delay(TimeSpan.FromSeconds(6)); // past the expiry of subscriptions (2 s) and connections (5 s)

        await Node.InvokeAsync(visitor, "SendMessage", Message("after"));
        Assert.Equal("after", First(await Node.WaitAsync(agent, "message")).GetProperty("text").GetString());
        var details = await Node.InvokeAsync(agent, "GetVisitor", conversationId);
        Assert.True(details.GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task AnUploadOverTheSizeLimitIsTooLarge()
    {
        var session = await Host.SessionAsync();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(new byte[4096].Select(_ => (byte)'a').ToArray());
        form.Add(content, "file", "big.txt");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/widget/uploads") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("visitorToken").GetString());
        using var response = await Host.Http.SendAsync(request).Within();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too_large", (await response.Content.ReadFromJsonAsync<JsonElement>().Within()).GetProperty("code").GetString());
    }
}
