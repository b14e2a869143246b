using Microsoft.Extensions.Logging;

namespace CustomerService.Grains.Conversations;

internal static partial class ConversationGrainLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Conversation {ConversationId}: seq {Seq} was taken by another activation (store max {MaxSeq}); reloading and retrying.")]
    public static partial void SeqTaken(ILogger logger, string conversationId, long seq, long maxSeq);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Conversation {ConversationId}: state written by another activation in between (attempt {Attempt}); merging and writing again.")]
    public static partial void StateMerged(ILogger logger, string conversationId, int attempt);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Conversation {ConversationId}: the router could not be reached; routing is asked again with the next visitor message.")]
    public static partial void RoutingFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Conversation {ConversationId}: the tenant's settings or agents could not be read; going on with the last known or default settings.")]
    public static partial void TenantUnavailable(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Conversation {ConversationId}: agent {AgentId} left it unanswered; asking the router to reassign it.")]
    public static partial void Reassigning(ILogger logger, string conversationId, string agentId);
}
