using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Hosting;

/// <summary>Rejects settings the runtime cannot work with, naming the key that fixes each one.</summary>
internal sealed class GrainRuntimeOptionsValidator : IValidateOptions<GrainRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainRuntimeOptions options)
    {
        var errors = new List<string>();
        Positive(errors, options.ResponseTimeout, nameof(options.ResponseTimeout));
        Positive(errors, options.CollectionAge, nameof(options.CollectionAge));
        Positive(errors, options.CollectionQuantum, nameof(options.CollectionQuantum));
        Positive(errors, options.ActivationTimeout, nameof(options.ActivationTimeout));
        Positive(errors, options.DeactivationTimeout, nameof(options.DeactivationTimeout));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
            errors.Add($"{GrainRuntimeOptions.SectionName}:{key} must be a positive duration such as 00:00:30; it is {value}.");
    }
}
