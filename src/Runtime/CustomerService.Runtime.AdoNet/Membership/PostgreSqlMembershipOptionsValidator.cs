using CustomerService.Runtime.AdoNet.Dialects;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.AdoNet.Membership;

/// <summary>Checks <see cref="PostgreSqlMembershipOptions"/> and reports every problem with the key that fixes it.</summary>
/// <param name="keyPrefix">A configuration section path with a colon, or the options type name with a dot.</param>
internal sealed class PostgreSqlMembershipOptionsValidator(string keyPrefix) : IValidateOptions<PostgreSqlMembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlMembershipOptions options)
    {
        var errors = new List<string>();
        var engine = PostgreSqlDialect.Describe;
        if (string.IsNullOrWhiteSpace(options.ClusterId))
            errors.Add($"{keyPrefix}{nameof(options.ClusterId)} is empty (PostgreSQL membership): set it to a name shared by the silos of this cluster, e.g. 'production'.");
        else if (options.ClusterId.Length > PostgreSqlMembershipStatements.MaxClusterIdLength)
            errors.Add($"{keyPrefix}{nameof(options.ClusterId)} is longer than {PostgreSqlMembershipStatements.MaxClusterIdLength} characters (PostgreSQL membership).");

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            errors.Add($"{keyPrefix}{nameof(options.ConnectionString)} is empty (PostgreSQL membership): set it to a connection string such as '{engine.ExampleConnectionString}'.");
        else if (engine.FindProblem(options.ConnectionString) is { } problem)
            errors.Add($"{keyPrefix}{nameof(options.ConnectionString)} is not usable (PostgreSQL membership): {problem}");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
