using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Tests.Tenants;
using CustomerService.Grains.Visitors;
using CustomerService.Runtime;
using CustomerService.Runtime.Testing;

namespace CustomerService.Grains.Tests.Visitors;

[Trait("Category", "Integration")]
public sealed class VisitorTests
{
    private static VisitorSession Session(string? name = null, string? email = null, string? userId = null, bool verified = false, string? page = null) =>
        new(name, email, userId, verified, page, null, null);

    private static IVisitorGrain NewVisitor(DomainHost host) =>
        host.Grains.GetGrain<IVisitorGrain>($"{Samples.NewTenantId()}/v-{Guid.NewGuid():N}");

    [Fact]
    public async Task ASessionThatLeavesFieldsOutKeepsWhatIsKnown()
    {
        await using var host = await DomainHost.StartAsync();
        var visitor = NewVisitor(host);

        await visitor.Identify(Session("Vera", "vera@example.com", page: "https://shop.example/a")).Within();
        var profile = await visitor.Identify(Session(page: "https://shop.example/b")).Within();

        Assert.Equal(("Vera", "vera@example.com", "https://shop.example/b"), (profile.Name, profile.Email, profile.Page));
        Assert.Equal(profile, await visitor.GetProfile().Within());
    }

    [Fact]
    public async Task AVerifiedUserIdIsNeverReplacedByAnUnverifiedOne()
    {
        await using var host = await DomainHost.StartAsync();
        var visitor = NewVisitor(host);

        await visitor.Identify(Session(userId: "user-1", verified: true)).Within();
        var claimed = await visitor.Identify(Session(userId: "user-2", verified: false)).Within();

        Assert.Equal(("user-1", true), (claimed.UserId, claimed.Verified));
    }

    [Fact]
    public async Task AnUnverifiedUserIdGivesWayToAVerifiedOne()
    {
        await using var host = await DomainHost.StartAsync();
        var visitor = NewVisitor(host);

        var unverified = await visitor.Identify(Session(userId: "user-1")).Within();
        var verified = await visitor.Identify(Session(userId: "user-2", verified: true)).Within();

        Assert.Equal(("user-1", false), (unverified.UserId, unverified.Verified));
        Assert.Equal(("user-2", true), (verified.UserId, verified.Verified));
    }

    [Fact]
    public async Task VerifiedWithoutAUserIdVerifiesNothing()
    {
        await using var host = await DomainHost.StartAsync();
        var visitor = NewVisitor(host);

        var profile = await visitor.Identify(Session(name: "Vera", verified: true)).Within();

        Assert.False(profile.Verified);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("email")]
    [InlineData("userId")]
    public async Task AnOverlongOrMalformedFieldIsRefusedNamingItAndNothingChanges(string field)
    {
        await using var host = await DomainHost.StartAsync();
        var visitor = NewVisitor(host);
        var before = await visitor.Identify(Session("Vera", "vera@example.com", "user-1")).Within();
        var bad = field switch
        {
            "name" => Session(name: new string('n', 101), email: "new@example.com"),
            "email" => Session(name: "Other", email: "not-an-email"),
            _ => Session(name: "Other", userId: new string('u', 201)),
        };

        var refused = await Assert.ThrowsAsync<ChatException>(() => visitor.Identify(bad).Within());

        Assert.Equal(ChatErrorCodes.InvalidArgument, refused.Code);
        Assert.StartsWith(field + ":", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await visitor.GetProfile().Within());
    }

    [Fact]
    public async Task ALongPageAddressIsCutNotRefused()
    {
        await using var host = await DomainHost.StartAsync();
        var visitor = NewVisitor(host);

        var profile = await visitor.Identify(Session(page: "https://shop.example/" + new string('p', 5000))).Within();

        Assert.Equal(2000, profile.Page!.Length);
    }

    [Fact]
    public async Task TheVisitorsConversationIsChosenOnceAndResumedAfterAFreshActivation()
    {
        await using var host = await DomainHost.StartAsync();
        var visitor = NewVisitor(host);
        var tenant = visitor.GetPrimaryKeyString().Split('/')[0];

        var first = await visitor.GetOrOpenConversation().Within();
        var again = await visitor.GetOrOpenConversation().Within();
        var grains = await host.ReactivateAsync();
        var resumed = await grains.GetGrain<IVisitorGrain>(visitor.GetPrimaryKeyString()).GetOrOpenConversation().Within();

        Assert.StartsWith(tenant + "/", first, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.Equal(first, resumed);
        Assert.Equal(first, (await grains.GetGrain<IVisitorGrain>(visitor.GetPrimaryKeyString()).GetProfile().Within()).ConversationId);
    }

    [Fact]
    public async Task DifferentVisitorsGetDifferentTimeOrderedConversations()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DomainHost.StartAsync(clock);

        var earlier = await NewVisitor(host).GetOrOpenConversation().Within();
        clock.Advance(TimeSpan.FromMilliseconds(5));
        var later = await NewVisitor(host).GetOrOpenConversation().Within();

        Assert.True(string.CompareOrdinal(earlier.Split('/')[1], later.Split('/')[1]) < 0);
    }

    [Fact]
    public async Task TheVisitorIsOnlineWhileAnyTabIsConnected()
    {
        await using var host = await DomainHost.StartAsync();
        var visitor = NewVisitor(host);

        await visitor.Connect("tab-1").Within();
        await visitor.Connect("phone").Within();
        await visitor.Disconnect("tab-1").Within();
        Assert.True((await visitor.GetProfile().Within()).Online);
        await visitor.Disconnect("phone").Within();

        Assert.False((await visitor.GetProfile().Within()).Online);
    }

    [Fact]
    public async Task AConnectionThatIsNotRenewedExpires()
    {
        var clock = new ManualTimeProvider();
        await using var host = await DomainHost.StartAsync(clock);
        var visitor = NewVisitor(host);
        await visitor.Connect("tab").Within();

        clock.Advance(TimeSpan.FromMinutes(1));
        await visitor.Connect("tab").Within();
        clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.True((await visitor.GetProfile().Within()).Online);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False((await visitor.GetProfile().Within()).Online);
    }
}
