using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Visitors;

/// <summary>Checks <see cref="VisitorOptions"/> and names the configuration key that fixes each problem.</summary>
public sealed class VisitorOptionsValidator : IValidateOptions<VisitorOptions>
{
    private const string Key = VisitorOptions.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, VisitorOptions options)
    {
        var errors = new List<string>();
        if (options.ConnectionExpiry < TimeSpan.FromSeconds(5) || options.ConnectionExpiry > TimeSpan.FromHours(1))
            errors.Add($"{Key}{nameof(options.ConnectionExpiry)} is {options.ConnectionExpiry}: use 00:00:05 to 01:00:00.");
        if (options.MaxConnections is < 1 or > 1000)
            errors.Add($"{Key}{nameof(options.MaxConnections)} is {options.MaxConnections}: use 1 to 1000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
