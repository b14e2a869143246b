using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.Membership;

/// <summary>Log messages of <see cref="InMemoryMembershipTable"/>. Event ids 700–709.</summary>
internal static partial class InMemoryMembershipTableLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Membership in memory for cluster '{ClusterId}' (lost when the process stops).")]
    public static partial void Initialized(this ILogger logger, string clusterId);

    [LoggerMessage(EventId = 701, Level = LogLevel.Debug, Message = "Membership cluster '{ClusterId}': {Operation} of {Silo} to version {Version} conflicted; nothing was changed.")]
    public static partial void WriteConflict(this ILogger logger, string clusterId, string operation, SiloAddress silo, int version);
}
