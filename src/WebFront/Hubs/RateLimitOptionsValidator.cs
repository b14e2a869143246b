using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hubs;

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions o)
    {
        var errors = new List<string>();
        Positive(errors, nameof(o.ConnectionPermitsPerSecond), o.ConnectionPermitsPerSecond);
        Positive(errors, nameof(o.ConnectionBurst), o.ConnectionBurst);
        Positive(errors, nameof(o.TenantPermitsPerSecond), o.TenantPermitsPerSecond);
        Positive(errors, nameof(o.TenantBurst), o.TenantBurst);
        Positive(errors, nameof(o.RestPermitsPerMinute), o.RestPermitsPerMinute);
        if (o.ConnectionBurst < 1 || o.TenantBurst < 1)
            errors.Add($"{RateLimitOptions.SectionName}:ConnectionBurst and TenantBurst must be at least 1.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string key, double value)
    {
        if (!(value > 0)) errors.Add($"{RateLimitOptions.SectionName}:{key} must be positive (it is {value}).");
    }
}
