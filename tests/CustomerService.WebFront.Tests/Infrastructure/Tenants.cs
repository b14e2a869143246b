using System.Collections.Immutable;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;

namespace CustomerService.WebFront.Tests.Infrastructure;

/// <summary>A second tenant, made through the grain contract, with a known identity secret and a fixed origin.</summary>
internal static class Tenants
{
    public const string Acme = "acme";
    public const string AcmeOrigin = "https://shop.acme.example";
    public const string AcmeSecret = "acme-identity-secret";

    public static Task EnsureAcmeAsync(IGrainFactory grains) => EnsureAsync(grains, Acme);

    public static Task EnsureAsync(IGrainFactory grains, string tenant) => grains.GetGrain<ITenantGrain>(tenant).EnsureCreated(new TenantSettings(
        "Acme", "#112233", "Hello", "Offline", new PreChatForm(false, ImmutableArray<string>.Empty),
        [AcmeOrigin], AcmeSecret, false, false, new RoutingSettings(true, 0), null)).Within();
}
