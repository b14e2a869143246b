using CustomerService.Runtime.Membership;
using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.AdoNet.Membership;

/// <summary>Log messages of <see cref="PostgreSqlMembershipTable"/>. Event ids 740–759. Connection strings are not logged.</summary>
internal static partial class PostgreSqlMembershipTableLog
{
    [LoggerMessage(EventId = 740, Level = LogLevel.Information, Message = "Membership in PostgreSQL for cluster '{ClusterId}': schema ready ({ElapsedMs} ms).")]
    public static partial void Initialized(this ILogger logger, string clusterId, long elapsedMs);

    [LoggerMessage(EventId = 741, Level = LogLevel.Debug, Message = "Membership cluster '{ClusterId}': {Operation} of {Silo} to version {Version} conflicted; nothing was changed.")]
    public static partial void WriteConflict(this ILogger logger, string clusterId, string operation, SiloAddress silo, int version);

    [LoggerMessage(EventId = 742, Level = LogLevel.Information, Message = "Membership cluster '{ClusterId}': removed {Count} dead silo rows older than {Before}.")]
    public static partial void CleanedUp(this ILogger logger, string clusterId, int count, DateTimeOffset before);
}
