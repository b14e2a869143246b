using CustomerService.Runtime.Membership;
using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.Cluster;

internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "Silo {Silo} joined cluster as Active ({Peers} other active silos).")]
    public static partial void Joined(ILogger logger, SiloAddress silo, int peers);

    [LoggerMessage(EventId = 801, Level = LogLevel.Warning, Message = "Silo {Silo} missed {Misses} probes in a row.")]
    public static partial void ProbeMissed(ILogger logger, SiloAddress silo, int misses);

    [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "Voted silo {Silo} suspect ({Votes} of {Needed} fresh votes).")]
    public static partial void Suspected(ILogger logger, SiloAddress silo, int votes, int needed);

    [LoggerMessage(EventId = 803, Level = LogLevel.Warning, Message = "Declared silo {Silo} dead.")]
    public static partial void DeclaredDead(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 804, Level = LogLevel.Critical, Message = "This silo ({Silo}) is declared dead in the membership table; stopping at once so it cannot serve stale calls.")]
    public static partial void DeclaredDeadSelf(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 805, Level = LogLevel.Warning, Message = "Membership loop failed; retrying on the next probe.")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 806, Level = LogLevel.Information, Message = "Silo {Silo} left the cluster.")]
    public static partial void Left(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 808, Level = LogLevel.Information, Message = "Membership version {Version}: {Count} activations moved to other silos.")]
    public static partial void Rebalanced(ILogger logger, int count, int version);

    [LoggerMessage(EventId = 809, Level = LogLevel.Warning, Message = "Silo {Silo} could not record leaving in the membership table; the others will detect it by probing.")]
    public static partial void LeaveNotRecorded(ILogger logger, Exception exception, SiloAddress silo);

    [LoggerMessage(EventId = 807, Level = LogLevel.Information, Message = "Silo {Silo} is listening for silos on {EndPoint}.")]
    public static partial void Listening(ILogger logger, SiloAddress silo, string endPoint);
}
