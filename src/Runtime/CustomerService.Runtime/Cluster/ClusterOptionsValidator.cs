using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Cluster;

/// <summary>Rejects cluster settings that cannot work, naming the key that fixes each one.</summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var errors = new List<string>();
        var key = ClusterOptions.SectionName + ":";
        if (string.IsNullOrWhiteSpace(options.AdvertisedHost)) errors.Add($"{key}AdvertisedHost must name this silo's address, e.g. 10.0.0.5.");
        if (options.SiloPort is < 0 or > 65535) errors.Add($"{key}SiloPort must be 0 (any free port) to 65535; it is {options.SiloPort}.");
        if (options.ProbePeriod <= TimeSpan.Zero) errors.Add($"{key}ProbePeriod must be positive, e.g. 00:00:01.");
        if (options.ProbeTimeout <= TimeSpan.Zero) errors.Add($"{key}ProbeTimeout must be positive, e.g. 00:00:01.");
        if (options.MissedProbesForSuspicion < 1) errors.Add($"{key}MissedProbesForSuspicion must be at least 1.");
        if (options.VotesForDeath < 1) errors.Add($"{key}VotesForDeath must be at least 1.");
        if (options.VoteExpiry <= options.ProbePeriod) errors.Add($"{key}VoteExpiry must be longer than ProbePeriod, or votes expire before they add up.");
        if (options.IAmAlivePeriod <= TimeSpan.Zero) errors.Add($"{key}IAmAlivePeriod must be positive.");
        if (options.JoinTimeout <= TimeSpan.Zero) errors.Add($"{key}JoinTimeout must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
