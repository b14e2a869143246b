using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CustomerService.Runtime.Redis.Membership;

/// <summary>Checks <see cref="RedisMembershipOptions"/> and reports every problem with the key that fixes it.</summary>
/// <param name="keyPrefix">A configuration section path with a colon, or the options type name with a dot.</param>
internal sealed class RedisMembershipOptionsValidator(string keyPrefix) : IValidateOptions<RedisMembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisMembershipOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterId))
            errors.Add($"{keyPrefix}{nameof(options.ClusterId)} is empty (Redis membership): set it to a name shared by the silos of this cluster, e.g. 'production'.");
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add($"{keyPrefix}{nameof(options.ConnectionString)} is empty (Redis membership): set it to a Redis endpoint such as 'localhost:6379'.");
        }
        else
        {
            try
            {
                if (ConfigurationOptions.Parse(options.ConnectionString).EndPoints.Count == 0)
                    errors.Add($"{keyPrefix}{nameof(options.ConnectionString)} names no Redis endpoint (Redis membership): use e.g. 'localhost:6379'.");
            }
            catch (ArgumentException e)
            {
                errors.Add($"{keyPrefix}{nameof(options.ConnectionString)} is not a Redis configuration string (Redis membership): {e.Message}");
            }
        }

        if (options.KeyPrefix is null)
            errors.Add($"{keyPrefix}{nameof(options.KeyPrefix)} is null (Redis membership): leave it out to use 'customerservice:membership:'.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
