using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hosting;

internal sealed class WebFrontOptionsValidator : IValidateOptions<WebFrontOptions>
{
    public ValidateOptionsResult Validate(string? name, WebFrontOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.KeysDirectory))
            errors.Add($"{WebFrontOptions.SectionName}:{nameof(options.KeysDirectory)} is empty: set a directory for the token signing keys, e.g. ./data/keys.");
        if (!string.IsNullOrEmpty(options.PublicUrl) && !Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out _))
            errors.Add($"{WebFrontOptions.SectionName}:{nameof(options.PublicUrl)} '{options.PublicUrl}' is not an absolute URL such as http://localhost:5000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
