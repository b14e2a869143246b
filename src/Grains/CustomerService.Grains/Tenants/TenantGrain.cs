using System.Security.Cryptography;
using CustomerService.Grains.Conversations;
using CustomerService.Runtime;

namespace CustomerService.Grains.Tenants;

/// <summary>The tenant grain (see <see cref="ITenantGrain"/>): settings, the agent directory, groups and canned
/// replies. It awaits agent grains (creating, updating, removing them); agents answer it only one-way.</summary>
[Alias("tenant")]
public sealed partial class TenantGrain([PersistentState("tenant")] IPersistentState<TenantState> state)
    : Grain, ITenantGrain
{
    private string tenantId = "";

    private TenantState S => state.State;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        tenantId = this.GetPrimaryKeyString();
        if (tenantId.Length is < 1 or > 40 || !tenantId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            throw new ChatException(ChatErrorCodes.InvalidArgument, $"The tenant id '{tenantId}' is not [a-z0-9-]{{1,40}}.");
        RebuildEmailIndex();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<bool> EnsureCreated(TenantSettings settings)
    {
        if (S.Settings is not null) return false;
        settings = WithSecret(settings, null);
        TenantSettingsValidator.Validate(settings);
        S.Settings = settings;
        await state.WriteStateAsync();
        return true;
    }

    /// <inheritdoc />
    public Task<bool> Exists() => Task.FromResult(S.Settings is not null);

    /// <inheritdoc />
    public Task<TenantSettings> GetSettings() => Task.FromResult(Settings());

    /// <inheritdoc />
    public async Task<TenantSettings> UpdateSettings(TenantSettings settings)
    {
        var current = Settings();
        settings = WithSecret(settings, current.IdentitySecret);
        TenantSettingsValidator.Validate(settings);
        S.Settings = settings;
        await state.WriteStateAsync();
        return settings;
    }

    private TenantSettings Settings() => S.Settings ?? throw Refuse.NotFound($"The tenant '{tenantId}'");

    /// <summary>An empty secret keeps the current one (or, for a new tenant, gets a random one), so an admin form
    /// that does not show the secret cannot wipe it.</summary>
    private static TenantSettings WithSecret(TenantSettings settings, string? current)
    {
        if (settings is null) throw Refuse.Invalid("settings", "required.");
        if (!string.IsNullOrEmpty(settings.IdentitySecret)) return settings;
        return settings with { IdentitySecret = current ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) };
    }
}
