using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Files;

internal sealed class FileStorageOptionsValidator : IValidateOptions<FileStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, FileStorageOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
            errors.Add($"{FileStorageOptions.SectionName}:{nameof(options.Directory)} is empty: set a directory for uploads, e.g. ./data/files.");
        if (options.MaxBytes is < 1 or > 1024L * 1024 * 1024)
            errors.Add($"{FileStorageOptions.SectionName}:{nameof(options.MaxBytes)} is {options.MaxBytes}; use 1 to 1073741824 bytes.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
