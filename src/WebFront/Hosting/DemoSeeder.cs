using System.Collections.Immutable;
using System.Security.Cryptography;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;
using CustomerService.WebFront.Auth;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hosting;

/// <summary>Creates tenant <c>demo</c> (any origin allowed) and its admin agent at start; both are idempotent, so
/// every start (and every front-end of a cluster) runs it. The generated admin password is printed only by the start
/// that created the admin.</summary>
internal sealed partial class DemoSeeder(
    IGrainFactory grains,
    IOptions<SeedOptions> options,
    AgentPasswords passwords,
    GrainMode mode,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        if (!mode.IsCluster)
        {
            await TrySeedAsync(cancellationToken);
            return;
        }

        // In cluster mode the silos may still be starting: keep trying in the background.
        _ = Task.Run(async () =>
        {
            for (var attempt = 0; attempt < 60 && !cancellationToken.IsCancellationRequested; attempt++)
            {
                if (await TrySeedAsync(cancellationToken)) return;
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> TrySeedAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value;
        try
        {
            var tenant = grains.GetGrain<ITenantGrain>(seed.Tenant);
            if (await tenant.EnsureCreated(DefaultSettings()).WaitAsync(cancellationToken)) TenantCreated(logger, seed.Tenant);
            if (await tenant.FindAgentId(seed.AdminEmail).WaitAsync(cancellationToken) is not null) return true;

            var generated = string.IsNullOrEmpty(seed.AdminPassword);
            var password = generated ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') : seed.AdminPassword!;
            var update = new AgentUpdate(seed.AdminEmail, "Admin", AgentRole.Admin, 5, ImmutableArray<string>.Empty, passwords.Hash(password));
            try
            {
                await tenant.CreateAgent(update).WaitAsync(cancellationToken);
            }
            catch (ChatException e) when (e.Code == "conflict")
            {
                return true; // another front-end created it first
            }

            if (generated) AdminCreatedWithGeneratedPassword(logger, seed.AdminEmail, seed.Tenant, password);
            else AdminCreated(logger, seed.AdminEmail, seed.Tenant);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SeedFailed(logger, e);
            return false;
        }
    }

    internal static TenantSettings DefaultSettings() => new(
        Name: "Demo",
        PrimaryColor: "#2f6fed",
        Greeting: "Hi! How can we help?",
        OfflineMessage: "We are offline right now. Leave a message and we will get back to you.",
        PreChatForm: new PreChatForm(false, ImmutableArray<string>.Empty),
        AllowedOrigins: ["*"],
        IdentitySecret: Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant(),
        DraftPreview: false,
        BotEnabled: false,
        Routing: new RoutingSettings(Sticky: true, UnansweredReassignAfterSeconds: 0),
        BusinessHours: null);
}
