using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Tests.Infrastructure;

namespace CustomerService.WebFront.Tests.Api;

[Collection(DemoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SessionTests(DemoFixture fixture)
{
    private WebFrontHost Host => fixture.Host;

    [Fact]
    public async Task ASessionNamesTheVisitorAndCarriesTheWidgetSettings()
    {
        var session = await Host.SessionAsync(new { tenant = "demo", name = "Vera", page = "https://example.com/pricing" }, origin: "https://anywhere.example");
        Assert.StartsWith("v", session.GetProperty("visitorId").GetString());
        Assert.False(string.IsNullOrEmpty(session.GetProperty("visitorToken").GetString()));
        var settings = session.GetProperty("settings");
        Assert.Equal("demo", settings.GetProperty("tenant").GetString());
        Assert.True(settings.TryGetProperty("primaryColor", out _));
        Assert.True(settings.TryGetProperty("agentsOnline", out _));
        Assert.False(settings.TryGetProperty("identitySecret", out _));
    }

    [Fact]
    public async Task AReturningVisitorKeepsItsIdButAnInventedIdIsReplaced()
    {
        var first = await Host.SessionAsync();
        var id = first.GetProperty("visitorId").GetString();
        var again = await Host.SessionAsync(new { tenant = "demo", visitorId = id });
        Assert.Equal(id, again.GetProperty("visitorId").GetString());
        var invented = await Host.SessionAsync(new { tenant = "demo", visitorId = "alice" });
        Assert.NotEqual("alice", invented.GetProperty("visitorId").GetString());
    }

    [Fact]
    public async Task AnOriginOutsideTheTenantsAllowedOriginsIsRefused()
    {
        await Tenants.EnsureAcmeAsync(Host.Grains);
        using var refused = await Host.PostSessionAsync(new { tenant = Tenants.Acme }, origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("forbidden", (await refused.Content.ReadFromJsonAsync<JsonElement>().Within()).GetProperty("code").GetString());

        using var allowed = await Host.PostSessionAsync(new { tenant = Tenants.Acme }, origin: Tenants.AcmeOrigin);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using var noOrigin = await Host.PostSessionAsync(new { tenant = Tenants.Acme });
        Assert.Equal(HttpStatusCode.OK, noOrigin.StatusCode);
    }

    [Fact]
    public async Task AWrongUserHashIsRefusedAndARightOneGivesTheUserOneVisitor()
    {
        await Tenants.EnsureAcmeAsync(Host.Grains);
        using var wrong = await Host.PostSessionAsync(new { tenant = Tenants.Acme, userId = "user-42", userHash = new string('0', 64) });
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        var problem = await wrong.Content.ReadFromJsonAsync<JsonElement>().Within();
        Assert.Equal("forbidden", problem.GetProperty("code").GetString());
        Assert.Contains("userHash", problem.GetProperty("title").GetString());

        var hash = IdentityVerification.Compute(Tenants.AcmeSecret, "user-42");
        var one = await Host.SessionAsync(new { tenant = Tenants.Acme, userId = "user-42", userHash = hash });
        var two = await Host.SessionAsync(new { tenant = Tenants.Acme, userId = "user-42", userHash = hash });
        Assert.Equal(one.GetProperty("visitorId").GetString(), two.GetProperty("visitorId").GetString());
    }

    [Fact]
    public async Task AnUnknownOrMalformedTenantIsRefused()
    {
        using var unknown = await Host.PostSessionAsync(new { tenant = "no-such-tenant" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var malformed = await Host.PostSessionAsync(new { tenant = "../Demo" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }
}
