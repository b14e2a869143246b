using Microsoft.Extensions.Logging;

namespace CustomerService.Grains.Agents;

internal static partial class AgentGrainLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Agent {TenantId}/{AgentId}: could not report to the {Target}.")]
    public static partial void ReportFailed(ILogger logger, Exception exception, string tenantId, string agentId, string target);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Agent {TenantId}/{AgentId}: no connection for the grace period; going offline.")]
    public static partial void WentOffline(ILogger logger, string tenantId, string agentId);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Debug, Message = "Agent {TenantId}/{AgentId}: {Count} connection(s) expired without renewal.")]
    public static partial void ConnectionsExpired(ILogger logger, string tenantId, string agentId, int count);
}
