using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tenants;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Runtime;

namespace CustomerService.Grains.Tests.Tenants;

[Trait("Category", "Integration")]
public sealed class TenantSettingsTests
{
    public static TheoryData<string, string> BadSettings() => new()
    {
        { "empty name", "name" },
        { "long name", "name" },
        { "colour without #", "primaryColor" },
        { "short colour", "primaryColor" },
        { "long greeting", "greeting" },
        { "long offline message", "offlineMessage" },
        { "unknown pre-chat field", "preChatForm.fields" },
        { "repeated pre-chat field", "preChatForm.fields" },
        { "origin with path", "allowedOrigins" },
        { "origin of ftp", "allowedOrigins" },
        { "origin without scheme", "allowedOrigins" },
        { "short secret", "identitySecret" },
        { "negative unanswered", "routing.unansweredReassignAfterSeconds" },
        { "unanswered over a day", "routing.unansweredReassignAfterSeconds" },
        { "long business hours", "businessHours" },
    };

    private static TenantSettings Break(string bad) => Samples.Settings() switch
    {
        var s => bad switch
        {
            "empty name" => s with { Name = " " },
            "long name" => s with { Name = new string('n', 101) },
            "colour without #" => s with { PrimaryColor = "2563eb1" },
            "short colour" => s with { PrimaryColor = "#abc" },
            "long greeting" => s with { Greeting = new string('g', 1001) },
            "long offline message" => s with { OfflineMessage = new string('o', 1001) },
            "unknown pre-chat field" => s with { PreChatForm = new PreChatForm(true, ["name", "phone"]) },
            "repeated pre-chat field" => s with { PreChatForm = new PreChatForm(true, ["email", "email"]) },
            "origin with path" => s with { AllowedOrigins = ["https://acme.example/shop"] },
            "origin of ftp" => s with { AllowedOrigins = ["ftp://acme.example"] },
            "origin without scheme" => s with { AllowedOrigins = ["acme.example"] },
            "short secret" => s with { IdentitySecret = "too-short" },
            "negative unanswered" => s with { Routing = new RoutingSettings(true, -1) },
            "unanswered over a day" => s with { Routing = new RoutingSettings(true, 86_401) },
            "long business hours" => s with { BusinessHours = new string('b', 201) },
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task EachBadSettingIsRefusedNamingItsFieldAndNothingChanges(string bad, string field)
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);
        var before = await tenant.GetSettings().Within();

        var refused = await Assert.ThrowsAsync<ChatException>(() => tenant.UpdateSettings(Break(bad)).Within());

        Assert.Equal(ChatErrorCodes.InvalidArgument, refused.Code);
        Assert.StartsWith(field + ":", refused.Message, StringComparison.Ordinal);
        Assert.Equivalent(before, await tenant.GetSettings().Within());
    }

    [Fact]
    public async Task ANewTenantIsCreatedOnceWithARandomIdentitySecretWhenNoneIsGiven()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = host.Grains.GetGrain<ITenantGrain>(Samples.NewTenantId());
        Assert.False(await tenant.Exists().Within());

        var created = await tenant.EnsureCreated(TenantDefaults.Demo()).Within();
        var again = await tenant.EnsureCreated(TenantDefaults.Create("Other")).Within();

        var settings = await tenant.GetSettings().Within();
        Assert.True(created);
        Assert.False(again);
        Assert.Equal("Demo", settings.Name);
        Assert.Equal(["*"], settings.AllowedOrigins.AsEnumerable());
        Assert.True(settings.IdentitySecret.Length >= 16);
        var other = host.Grains.GetGrain<ITenantGrain>(Samples.NewTenantId());
        await other.EnsureCreated(TenantDefaults.Demo()).Within();
        Assert.NotEqual(settings.IdentitySecret, (await other.GetSettings().Within()).IdentitySecret);
    }

    [Fact]
    public async Task AnUnknownTenantHasNoSettings()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = host.Grains.GetGrain<ITenantGrain>(Samples.NewTenantId());

        var refused = await Assert.ThrowsAsync<ChatException>(() => tenant.GetSettings().Within());
        var update = await Assert.ThrowsAsync<ChatException>(() => tenant.UpdateSettings(Samples.Settings()).Within());

        Assert.Equal(ChatErrorCodes.NotFound, refused.Code);
        Assert.Equal(ChatErrorCodes.NotFound, update.Code);
        Assert.False(await tenant.Exists().Within());
    }

    [Fact]
    public async Task GoodSettingsAreStoredAndAnEmptySecretKeepsTheCurrentOne()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);
        var wanted = Samples.Settings() with
        {
            Name = "Acme support",
            PrimaryColor = "#A1b2C3",
            AllowedOrigins = ["*", "https://acme.example", "http://localhost:5173"],
            PreChatForm = new PreChatForm(true, ["name", "email", "question"]),
            Routing = new RoutingSettings(false, 86_400),
            BusinessHours = "Mon-Fri 9-17",
            IdentitySecret = "",
        };

        var saved = await tenant.UpdateSettings(wanted).Within();

        Assert.Equal(Samples.Settings().IdentitySecret, saved.IdentitySecret);
        Assert.Equivalent(wanted with { IdentitySecret = saved.IdentitySecret }, await tenant.GetSettings().Within());
    }

    [Fact]
    public async Task SettingsSurviveAFreshActivation()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);
        var key = tenant.GetPrimaryKeyString();
        await tenant.UpdateSettings(Samples.Settings() with { Greeting = "Hello there" }).Within();

        var grains = await host.ReactivateAsync();

        Assert.Equal("Hello there", (await grains.GetGrain<ITenantGrain>(key).GetSettings().Within()).Greeting);
    }
}
