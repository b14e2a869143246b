using CustomerService.Runtime.Membership;
using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.Redis.Membership;

/// <summary>Log messages of <see cref="RedisMembershipTable"/>. Event ids 720–739. Connection strings are not logged.</summary>
internal static partial class RedisMembershipTableLog
{
    [LoggerMessage(EventId = 720, Level = LogLevel.Information, Message = "Membership in Redis for cluster '{ClusterId}', key {Key}.")]
    public static partial void Initialized(this ILogger logger, string clusterId, string key);

    [LoggerMessage(EventId = 721, Level = LogLevel.Debug, Message = "Membership cluster '{ClusterId}': {Operation} of {Silo} to version {Version} conflicted; nothing was changed.")]
    public static partial void WriteConflict(this ILogger logger, string clusterId, string operation, SiloAddress silo, int version);

    [LoggerMessage(EventId = 722, Level = LogLevel.Warning, Message = "Membership cluster '{ClusterId}': IAmAlive of {Silo} gave up after {Attempts} attempts that raced other writes of the row.")]
    public static partial void IAmAliveGaveUp(this ILogger logger, string clusterId, SiloAddress silo, int attempts);

    [LoggerMessage(EventId = 723, Level = LogLevel.Information, Message = "Membership cluster '{ClusterId}': removed {Count} dead silo rows older than {Before}.")]
    public static partial void CleanedUp(this ILogger logger, string clusterId, int count, DateTimeOffset before);
}
