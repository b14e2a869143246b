using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Membership;

/// <summary>Checks <see cref="InMemoryMembershipOptions"/>, naming the key that fixes each problem.</summary>
/// <param name="keyPrefix">A configuration section path with a colon, or the options type name with a dot.</param>
internal sealed class InMemoryMembershipOptionsValidator(string keyPrefix) : IValidateOptions<InMemoryMembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, InMemoryMembershipOptions options) =>
        string.IsNullOrWhiteSpace(options.ClusterId)
            ? ValidateOptionsResult.Fail($"{keyPrefix}{nameof(options.ClusterId)} is empty (in-memory membership): set it to a name for this cluster, e.g. 'default'.")
            : ValidateOptionsResult.Success;
}
