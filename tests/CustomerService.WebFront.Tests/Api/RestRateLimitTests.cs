using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Api;

/// <summary>The REST limit per client address (<c>WebFront:RateLimits:RestPermitsPerMinute</c>): it refuses what is
/// over it with a problem the widget can read, and it limits <c>/api</c> only, never the hubs or the health check.</summary>
[Trait("Category", "Integration")]
public sealed class RestRateLimitTests
{
    [Fact]
    public async Task RequestsOverTheAddressesBudgetAreRefusedAndTheHubsAndHealthAreNotLimited()
    {
        await using var host = await WebFrontHost.StartAsync(new Dictionary<string, string?>
        {
            ["WebFront:RateLimits:RestPermitsPerMinute"] = "3",
        });

        var sessions = new List<JsonElement>();
        for (var i = 0; i < 3; i++) sessions.Add(await host.SessionAsync());
        using var refused = await host.PostSessionAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>().Within();
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.False(problem.TryGetProperty("visitorToken", out _));

        // Outside /api nothing counts against the budget: the health check and a widget's hub negotiation still pass.
        using var health = await host.GetAsync("/healthz", null);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/visitor/negotiate?negotiateVersion=1");
        negotiate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sessions[0].GetProperty("visitorToken").GetString());
        using var negotiated = await host.Http.SendAsync(negotiate).Within();
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
    }
}
