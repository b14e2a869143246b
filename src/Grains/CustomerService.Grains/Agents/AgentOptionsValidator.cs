using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Agents;

/// <summary>Checks <see cref="AgentOptions"/> and names the configuration key that fixes each problem.</summary>
public sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    private const string Key = AgentOptions.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var errors = new List<string>();
        if (options.PresenceGrace < TimeSpan.Zero || options.PresenceGrace > TimeSpan.FromHours(1))
            errors.Add($"{Key}{nameof(options.PresenceGrace)} is {options.PresenceGrace}: use 00:00:00 to 01:00:00.");
        if (options.ConnectionExpiry < TimeSpan.FromSeconds(5) || options.ConnectionExpiry > TimeSpan.FromHours(1))
            errors.Add($"{Key}{nameof(options.ConnectionExpiry)} is {options.ConnectionExpiry}: use 00:00:05 to 01:00:00.");
        if (options.SubscriptionExpiry < TimeSpan.FromSeconds(1))
            errors.Add($"{Key}{nameof(options.SubscriptionExpiry)} is {options.SubscriptionExpiry}: use at least 00:00:01.");
        if (options.MaxConnections is < 1 or > 1000)
            errors.Add($"{Key}{nameof(options.MaxConnections)} is {options.MaxConnections}: use 1 to 1000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
