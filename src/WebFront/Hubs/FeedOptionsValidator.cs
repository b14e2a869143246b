using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hubs;

internal sealed class FeedOptionsValidator : IValidateOptions<FeedOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedOptions options)
    {
        var errors = new List<string>();
        if (options.RenewPeriod < TimeSpan.FromMilliseconds(100) || options.RenewPeriod > TimeSpan.FromMinutes(30))
            errors.Add($"{FeedOptions.SectionName}:{nameof(options.RenewPeriod)} is {options.RenewPeriod}; use 00:00:00.1 to 00:30:00, well inside Conversations:SubscriptionExpiry.");
        if (options.RenewAfterClusterError < TimeSpan.Zero || options.RenewAfterClusterError > TimeSpan.FromMinutes(1))
            errors.Add($"{FeedOptions.SectionName}:{nameof(options.RenewAfterClusterError)} is {options.RenewAfterClusterError}; use 00:00:00 to 00:01:00.");
        if (options.UnreadInterval < TimeSpan.Zero || options.UnreadInterval > TimeSpan.FromSeconds(5))
            errors.Add($"{FeedOptions.SectionName}:{nameof(options.UnreadInterval)} is {options.UnreadInterval}; use 00:00:00 (every change) to 00:00:05.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
