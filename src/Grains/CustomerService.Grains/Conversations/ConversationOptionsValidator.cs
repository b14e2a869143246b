using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Conversations;

/// <summary>Checks <see cref="ConversationOptions"/> and names the configuration key that fixes each problem.</summary>
public sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    private const string Key = ConversationOptions.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        var errors = new List<string>();
        if (options.MaxTextBytes is < 1 or > 1_000_000)
            errors.Add($"{Key}{nameof(options.MaxTextBytes)} is {options.MaxTextBytes}: use 1 to 1000000 bytes.");
        // The message store refuses client message ids over 200 characters; a larger limit here would turn a
        // clear too_large into a store failure.
        if (options.MaxClientMessageIdLength is < 1 or > 200)
            errors.Add($"{Key}{nameof(options.MaxClientMessageIdLength)} is {options.MaxClientMessageIdLength}: use 1 to 200 characters.");
        if (options.MaxAttachments is < 0 or > 100)
            errors.Add($"{Key}{nameof(options.MaxAttachments)} is {options.MaxAttachments}: use 0 to 100.");
        if (options.SubscriptionExpiry < TimeSpan.FromSeconds(1))
            errors.Add($"{Key}{nameof(options.SubscriptionExpiry)} is {options.SubscriptionExpiry}: use at least 00:00:01.");
        if (options.MaxSeqRetries is < 1 or > 100)
            errors.Add($"{Key}{nameof(options.MaxSeqRetries)} is {options.MaxSeqRetries}: use 1 to 100.");
        // The bound keeps what a new activation reads back (and holds in one turn) small.
        if (options.MaxUnwrittenMessages is < 1 or > 10_000)
            errors.Add($"{Key}{nameof(options.MaxUnwrittenMessages)} is {options.MaxUnwrittenMessages}: use 1 to 10000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
