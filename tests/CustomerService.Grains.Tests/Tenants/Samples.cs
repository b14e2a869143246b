using CustomerService.Grains.Agents;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;

namespace CustomerService.Grains.Tests.Tenants;

/// <summary>Settings and agents the tests start from.</summary>
internal static class Samples
{
    private static int next;

    public static string NewTenantId() => $"t{Interlocked.Increment(ref next)}-{Guid.NewGuid():N}"[..20];

    public static TenantSettings Settings() => TenantDefaults.Create("Acme", ["https://acme.example"]) with { IdentitySecret = "0123456789abcdef-secret" };

    public static AgentUpdate Agent(string email = "alice@acme.example", string name = "Alice", int capacity = 2, params string[] groups) =>
        new(email, name, AgentRole.Agent, capacity, [.. groups], "hash-1");

    public static async Task<ITenantGrain> NewTenantAsync(IGrainFactory grains)
    {
        var tenant = grains.GetGrain<ITenantGrain>(NewTenantId());
        await tenant.EnsureCreated(Settings()).WaitAsync(TimeSpan.FromSeconds(15));
        return tenant;
    }
}
