using CustomerService.Grains.Tenants;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Tests.Hubs;

[Collection(DemoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HubSecurityTests(DemoFixture fixture) : HubTestBase(fixture.Host, fixture.Node)
{
    [Fact]
    public async Task BothHubsRefuseAConnectionWithoutAToken()
    {
        Assert.Contains("401", await Node.ConnectErrorAsync(Host.Hub("visitor"), null));
        Assert.Contains("401", await Node.ConnectErrorAsync(Host.Hub("agent"), null));
    }

    [Fact]
    public async Task BothHubsRefuseAForgedOrAlteredToken()
    {
        var session = await Host.SessionAsync();
        var visitorToken = session.GetProperty("visitorToken").GetString()!;
        var agentToken = await Host.LoginAsync();
        Assert.Contains("401", await Node.ConnectErrorAsync(Host.Hub("visitor"), "forged"));
        Assert.Contains("401", await Node.ConnectErrorAsync(Host.Hub("visitor"), visitorToken[..^6] + "AAAAAA"));
        Assert.Contains("401", await Node.ConnectErrorAsync(Host.Hub("agent"), agentToken[..20] + agentToken[21..]));
    }

    [Fact]
    public async Task AVisitorTokenNeverOpensTheAgentHubNorAnAgentTokenTheVisitorHub()
    {
        var session = await Host.SessionAsync();
        Assert.Contains("401", await Node.ConnectErrorAsync(Host.Hub("agent"), session.GetProperty("visitorToken").GetString()));
        Assert.Contains("401", await Node.ConnectErrorAsync(Host.Hub("visitor"), await Host.LoginAsync()));
    }

    [Fact]
    public async Task ExpiredTokensAreRefusedByBothHubs()
    {
        // Real tokens, signed with the server's keys, issued 13 hours ago (agent tokens live 12 h, visitor tokens
        // are given the same past) so that they have expired.
        var past = new ShiftedTime(TimeSpan.FromDays(-31));
        var issuer = new TokenIssuer(Host.Service<IOptionsMonitor<BearerTokenOptions>>(), Host.Service<IOptionsMonitor<AuthOptions>>(), past);
        var profile = await Host.Grains.GetGrain<ITenantGrain>("demo").ListAgents().Within();
        var (agentToken, agentExpiry) = issuer.IssueAgent("demo", profile[0]);
        var (visitorToken, visitorExpiry) = issuer.IssueVisitor("demo", "v0123456789abcdef0123456789abcdef", "Old");
        Assert.True(agentExpiry < DateTimeOffset.UtcNow && visitorExpiry < DateTimeOffset.UtcNow);
        Assert.Contains("401", await Node.ConnectErrorAsync(Host.Hub("agent"), agentToken));
        Assert.Contains("401", await Node.ConnectErrorAsync(Host.Hub("visitor"), visitorToken));
    }

    [Fact]
    public async Task AnAgentCannotReachAnotherTenantsConversation()
    {
        await Tenants.EnsureAcmeAsync(Host.Grains);
        var (acmeVisitor, _) = await VisitorAsync(Tenants.Acme, Tenants.AcmeOrigin);
        var acmeConversation = await StartConversationAsync(acmeVisitor, "acme secret");

        var agent = await AgentAsync();
        var error = await Node.InvokeErrorAsync(agent, "Open", acmeConversation);
        Assert.StartsWith("not_found:", ServerMessage(error));
        var history = await Node.InvokeErrorAsync(agent, "GetHistory", acmeConversation, null, 10);
        Assert.StartsWith("not_found:", ServerMessage(history));
        Assert.StartsWith("invalid_argument:", ServerMessage(await Node.InvokeErrorAsync(agent, "Open", $"../{Tenants.Acme}/{acmeConversation}")));
        Assert.Equal("Connected", await Node.StateAsync(agent));
    }

    [Fact]
    public async Task AWidgetConnectionFromADisallowedOriginIsRefused()
    {
        await Tenants.EnsureAcmeAsync(Host.Grains);
        var session = await Host.SessionAsync(new { tenant = Tenants.Acme }, Tenants.AcmeOrigin);
        var error = await Node.ConnectErrorAsync(Host.Hub("visitor"), session.GetProperty("visitorToken").GetString(), "https://evil.example");
        Assert.NotNull(error);
        Assert.Contains("403", error);
        Assert.Null(await Node.ConnectErrorAsync(Host.Hub("visitor"), session.GetProperty("visitorToken").GetString(), Tenants.AcmeOrigin));
    }

    [Fact]
    public async Task OversizedTextIsTooLargeAndTheConnectionStaysOpen()
    {
        var (visitor, _) = await VisitorAsync();
        var error = await Node.InvokeErrorAsync(visitor, "SendMessage", Message(new string('x', 9000)));
        Assert.StartsWith("too_large:", ServerMessage(error));
        Assert.Equal("Connected", await Node.StateAsync(visitor));
        var ack = await Node.InvokeAsync(visitor, "SendMessage", Message("fits"));
        Assert.Equal(1, ack.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task MalformedPayloadsAreInvalidArgumentsAndTheConnectionStaysOpen()
    {
        var (visitor, _) = await VisitorAsync();
        Assert.StartsWith("invalid_argument:", ServerMessage(await Node.InvokeErrorAsync(visitor, "SendMessage", "just text")));
        Assert.StartsWith("invalid_argument:", ServerMessage(await Node.InvokeErrorAsync(visitor, "SendMessage", new { clientMessageId = 5, text = "x" })));
        Assert.StartsWith("invalid_argument:", ServerMessage(await Node.InvokeErrorAsync(visitor, "SendMessage", new { text = "no id" })));
        Assert.StartsWith("invalid_argument:", ServerMessage(await Node.InvokeErrorAsync(visitor, "SendMessage", new { clientMessageId = "a", text = "" })));
        Assert.StartsWith("invalid_argument:", ServerMessage(await Node.InvokeErrorAsync(visitor, "SendMessage",
            new { clientMessageId = "b", text = "x", attachments = new[] { new { id = "0123456789abcdef0123456789abcdef" } } })));
        Assert.StartsWith("invalid_argument:", ServerMessage(await Node.InvokeErrorAsync(visitor, "MarkRead", "not a number")));
        Assert.StartsWith("invalid_argument:", ServerMessage(await Node.InvokeErrorAsync(visitor, "GetHistory", 5)));
        Assert.Equal("Connected", await Node.StateAsync(visitor));

        var agent = await AgentAsync();
        Assert.StartsWith("invalid_argument:", ServerMessage(await Node.InvokeErrorAsync(agent, "SetStatus", "sleeping")));
        Assert.StartsWith("invalid_argument:", ServerMessage(await Node.InvokeErrorAsync(agent, "SendMessage", new { clientMessageId = "c", text = "no conversation" })));
        Assert.Equal("Connected", await Node.StateAsync(agent));
    }

    [Fact]
    public async Task ErrorsNeverCarryStackTraces()
    {
        var agent = await AgentAsync();
        var error = await Node.InvokeErrorAsync(agent, "Open", "never-existed");
        Assert.DoesNotContain(" at ", error);
        Assert.DoesNotContain("Exception", ServerMessage(error));
    }

    // The JS client wraps a hub error as "An unexpected error occurred invoking 'X' on the server. HubException: {message}".
    internal static string ServerMessage(string error)
    {
        const string marker = "HubException: ";
        var i = error.IndexOf(marker, StringComparison.Ordinal);
        return i < 0 ? error : error[(i + marker.Length)..];
    }
}
