using Microsoft.Extensions.Logging;

namespace CustomerService.Grains.Messages.Internal;

/// <summary>Log messages of the conversation index. Event ids 720–729.</summary>
internal static partial class ConversationIndexLog
{
    [LoggerMessage(EventId = 720, Level = LogLevel.Warning, Message = "Conversation index could not write {Count} summaries; they are written again with the next change of each conversation.")]
    public static partial void BatchFailed(this ILogger logger, Exception exception, int count);
}
