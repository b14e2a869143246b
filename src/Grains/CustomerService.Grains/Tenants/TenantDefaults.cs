using System.Collections.Immutable;

namespace CustomerService.Grains.Tenants;

/// <summary>Settings for a new tenant; <see cref="ITenantGrain.EnsureCreated"/> fills in a random identity secret.</summary>
public static class TenantDefaults
{
    /// <summary>The default theme colour.</summary>
    public const string PrimaryColor = "#2563eb";

    /// <summary>Sensible settings for a tenant called <paramref name="name"/> whose widget may run on
    /// <paramref name="allowedOrigins"/> (none: no site yet).</summary>
    public static TenantSettings Create(string name, IEnumerable<string>? allowedOrigins = null) => new(
        Name: name,
        PrimaryColor: PrimaryColor,
        Greeting: "Hi! How can we help you today?",
        OfflineMessage: "We're away right now. Leave a message and we'll get back to you by email.",
        PreChatForm: new PreChatForm(Enabled: false, Fields: ["name", "email"]),
        AllowedOrigins: allowedOrigins?.ToImmutableArray() ?? [],
        IdentitySecret: "",
        DraftPreview: false,
        BotEnabled: false,
        Routing: new RoutingSettings(Sticky: true, UnansweredReassignAfterSeconds: 0),
        BusinessHours: null);

    /// <summary>The demo tenant the seed creates: named "Demo", widget allowed on any origin.</summary>
    public static TenantSettings Demo() => Create("Demo", ["*"]);
}
