using Microsoft.Extensions.Logging;

namespace CustomerService.Grains.Routing;

internal static partial class RouterGrainLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Router: offering conversation {ConversationId} to agent {AgentId} failed; trying the next.")]
    public static partial void OfferFailed(ILogger logger, Exception exception, string conversationId, string agentId);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Router: agent {AgentId} went offline; {Count} conversations back at the front of the queue.")]
    public static partial void Requeued(ILogger logger, string agentId, int count);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Router: conversation {ConversationId} unanswered by {AgentId}, reassigned to {NewAgentId}.")]
    public static partial void Reassigned(ILogger logger, string conversationId, string agentId, string newAgentId);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Router {TenantId}: a one-way message could not be sent.")]
    public static partial void SendFailed(ILogger logger, Exception exception, string tenantId);
}
