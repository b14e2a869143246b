using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Api;

[Collection(DemoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AuthTests(DemoFixture fixture)
{
    private WebFrontHost Host => fixture.Host;

    [Fact]
    public async Task LoginWithTheSeededPasswordReturnsATokenItsExpiryAndTheAgent()
    {
        using var response = await Host.Http.PostAsJsonAsync("/api/v1/auth/login",
            new { tenant = "demo", email = "admin@demo.local", password = WebFrontHost.AdminPassword }).Within();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>().Within();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        var agent = body.GetProperty("agent");
        Assert.Equal("admin@demo.local", agent.GetProperty("email").GetString());
        Assert.Equal("admin", agent.GetProperty("role").GetString());
        Assert.False(agent.TryGetProperty("passwordHash", out _));

        using var me = await Host.GetAsync("/api/v1/me", body.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task LoginWithAWrongPasswordOrUnknownEmailIsUnauthorizedWithACode()
    {
        foreach (var (email, password) in new[] { ("admin@demo.local", "wrong-password"), ("nobody@demo.local", WebFrontHost.AdminPassword) })
        {
            using var response = await Host.Http.PostAsJsonAsync("/api/v1/auth/login", new { tenant = "demo", email, password }).Within();
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>().Within();
            Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task AMalformedLoginIsAnInvalidArgument()
    {
        using var content = new StringContent("{\"tenant\": 5", System.Text.Encoding.UTF8, "application/json");
        using var response = await Host.Http.PostAsync("/api/v1/auth/login", content).Within();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>().Within();
        Assert.Equal("invalid_argument", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AgentEndpointsRefuseNoTokenAForgedTokenAndAVisitorToken()
    {
        var session = await Host.SessionAsync();
        var agentToken = await Host.LoginAsync();
        foreach (var token in new string?[] { null, "forged-token", session.GetProperty("visitorToken").GetString(), agentToken[..^4] + "AAAA" })
        {
            using var response = await Host.GetAsync("/api/v1/conversations", token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>().Within();
            Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task AnAgentWhoIsNotAdminCannotManageAgents()
    {
        var admin = await Host.LoginAsync();
        var email = $"agent-{Guid.NewGuid():N}@demo.local";
        var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agents")
        {
            Content = JsonContent.Create(new { email, name = "Ann", role = "agent", password = "agent-password-1", capacity = 3, groups = Array.Empty<string>() }),
        };
        create.Headers.Authorization = new("Bearer", admin);
        using (var created = await Host.Http.SendAsync(create).Within()) Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var agent = await Host.LoginAsync(email, "agent-password-1");
        using var list = await Host.GetAsync("/api/v1/agents", agent);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal("forbidden", (await list.Content.ReadFromJsonAsync<JsonElement>().Within()).GetProperty("code").GetString());
        using var conversations = await Host.GetAsync("/api/v1/groups", agent);
        Assert.Equal(HttpStatusCode.OK, conversations.StatusCode);
    }
}
