using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Auth;

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        if (options.AgentTokenLifetime <= TimeSpan.Zero)
            errors.Add($"{AuthOptions.SectionName}:{nameof(options.AgentTokenLifetime)} must be positive, e.g. 12:00:00.");
        if (options.VisitorTokenLifetime <= TimeSpan.Zero)
            errors.Add($"{AuthOptions.SectionName}:{nameof(options.VisitorTokenLifetime)} must be positive, e.g. 30.00:00:00.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
