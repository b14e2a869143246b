using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Api;

[Collection(DemoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AdminTests(DemoFixture fixture)
{
    private WebFrontHost Host => fixture.Host;

    [Fact]
    public async Task AnAdminChangesTheGreetingAndTheWidgetSeesIt()
    {
        var token = await Host.LoginAsync();
        using var get = await Host.GetAsync("/api/v1/settings", token);
        var settings = JsonNode.Parse(await get.Content.ReadAsStringAsync().Within())!.AsObject();
        Assert.NotNull(settings["identitySecret"]);
        var greeting = $"Welcome {Guid.NewGuid():N}";
        settings["greeting"] = greeting;

        using var put = await SendAsync(HttpMethod.Put, "/api/v1/settings", token, settings);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var widget = await Host.Http.GetFromJsonAsync<JsonElement>("/api/v1/widget/settings?tenant=demo").Within();
        Assert.Equal(greeting, widget.GetProperty("greeting").GetString());
        Assert.False(widget.TryGetProperty("identitySecret", out _));
    }

    [Fact]
    public async Task AnAdminManagesGroupsAndCannedRepliesThatAgentsRead()
    {
        var token = await Host.LoginAsync();
        using (var group = await SendAsync(HttpMethod.Post, "/api/v1/groups", token, new { id = "billing", name = "Billing" }))
            Assert.Equal(HttpStatusCode.OK, group.StatusCode);
        var replyId = Guid.NewGuid().ToString();
        using (var reply = await SendAsync(HttpMethod.Post, "/api/v1/canned-replies", token, new { id = replyId, shortcut = $"hi{replyId[..6]}", text = "Hello there" }))
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        using var groups = await Host.GetAsync("/api/v1/groups", token);
        Assert.Contains("billing", await groups.Content.ReadAsStringAsync().Within());
        using var replies = await Host.GetAsync("/api/v1/canned-replies", token);
        Assert.Contains(replyId, await replies.Content.ReadAsStringAsync().Within());

        using (var deleted = await SendAsync(HttpMethod.Delete, $"/api/v1/canned-replies/{replyId}", token, null))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task SettingsNeedAnAdmin()
    {
        var visitor = (await Host.SessionAsync()).GetProperty("visitorToken").GetString();
        using var asVisitor = await Host.GetAsync("/api/v1/settings", visitor);
        Assert.Equal(HttpStatusCode.Unauthorized, asVisitor.StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        request.Headers.Authorization = new("Bearer", token);
        return Host.Http.SendAsync(request).Within();
    }
}
