using System.Text.RegularExpressions;
using CustomerService.Runtime.AdoNet.Dialects;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.AdoNet.Storage;

/// <summary>Checks the options of one named provider and reports every problem with the key that fixes it.</summary>
/// <param name="providerName">The provider (options) name this validator checks; other names are skipped.</param>
/// <param name="keyPrefix">What to put before a property name so that it reads as the key to fix: a configuration
/// section path with a colon (<c>GrainStorage:Default:</c>), or the options type name with a dot when the options
/// were set in code.</param>
/// <param name="engine">Describes the database engine's connection strings.</param>
internal sealed partial class AdoNetGrainStorageOptionsValidator(string providerName, string keyPrefix, DialectDescription engine)
    : IValidateOptions<AdoNetGrainStorageOptions>
{
    // PostgreSQL truncates identifiers after 63 bytes; table names are never quoted, so they must be plain.
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();

    public ValidateOptionsResult Validate(string? name, AdoNetGrainStorageOptions options)
    {
        if (name != providerName) return ValidateOptionsResult.Skip;

        var errors = new List<string>();
        var where = $"(grain storage '{providerName}', {engine.Engine})";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add($"{keyPrefix}{nameof(options.ConnectionString)} is empty {where}: set it to a connection string such as '{engine.ExampleConnectionString}'.");
        }
        else if (engine.FindProblem(options.ConnectionString) is { } problem)
        {
            errors.Add($"{keyPrefix}{nameof(options.ConnectionString)} is not usable {where}: {problem}");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
            errors.Add($"{keyPrefix}{nameof(options.ServiceId)} is empty {where}: set it to a stable name for this deployment, or leave it out to use '{AdoNetGrainStorageOptions.DefaultServiceId}'.");

        if (options.TableName is null || !PlainIdentifier().IsMatch(options.TableName))
            errors.Add($"{keyPrefix}{nameof(options.TableName)} '{options.TableName}' is not a plain SQL identifier {where}: use 1 to 63 letters, digits or underscores, not starting with a digit, or leave it out to use '{AdoNetGrainStorageOptions.DefaultTableName}'.");

        if (options.MaxConcurrentCommits is { } concurrent && (concurrent < 1 || concurrent > engine.MaxConcurrentCommits))
        {
            var range = engine.MaxConcurrentCommits == 1 ? "1 (one writer at a time)" : $"from 1 to {engine.MaxConcurrentCommits}";
            errors.Add($"{keyPrefix}{nameof(options.MaxConcurrentCommits)} is {concurrent} {where}: set it to {range}, or leave it out to use {engine.DefaultConcurrentCommits}.");
        }

        if (options.MaxWritesPerCommit is < 1 or > AdoNetGrainStorageOptions.MaxWritesPerCommitLimit)
            errors.Add($"{keyPrefix}{nameof(options.MaxWritesPerCommit)} is {options.MaxWritesPerCommit} {where}: set it from 1 to {AdoNetGrainStorageOptions.MaxWritesPerCommitLimit}, or leave it out to use {AdoNetGrainStorageOptions.DefaultMaxWritesPerCommit}.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
