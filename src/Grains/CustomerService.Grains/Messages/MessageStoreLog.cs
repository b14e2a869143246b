using Microsoft.Extensions.Logging;

namespace CustomerService.Grains.Messages;

/// <summary>Log messages of the message store. Event ids 700–719. Message text is never logged.</summary>
internal static partial class MessageStoreLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Message store starting: {Engine}, table {Table}, batches of up to {MaxBatchSize}.")]
    public static partial void Starting(this ILogger logger, MessageStoreEngine engine, string table, int maxBatchSize);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Message store schema ready: table {Table} created or already present ({ElapsedMs} ms).")]
    public static partial void SchemaReady(this ILogger logger, string table, long elapsedMs);

    [LoggerMessage(EventId = 702, Level = LogLevel.Error, Message = "Message store could not write a batch of {Count} appends; all of them failed and nothing of the batch was stored.")]
    public static partial void BatchFailed(this ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 703, Level = LogLevel.Debug, Message = "Append to conversation {ConversationId} with seq {Seq} conflicted: the current max seq is {CurrentMaxSeq}.")]
    public static partial void SeqConflict(this ILogger logger, string conversationId, long seq, long currentMaxSeq);

    [LoggerMessage(EventId = 704, Level = LogLevel.Debug, Message = "Append to conversation {ConversationId} repeated client message id {ClientMessageId}; returning the first ack (seq {Seq}).")]
    public static partial void Duplicate(this ILogger logger, string conversationId, string clientMessageId, long seq);

    [LoggerMessage(EventId = 705, Level = LogLevel.Error, Message = "Message store could not create or check table {Table}; it tries again on the next use.")]
    public static partial void SchemaFailed(this ILogger logger, Exception exception, string table);

    [LoggerMessage(EventId = 706, Level = LogLevel.Warning, Message = "Message store could not write a batch of {Count} appends; writing it again on a new connection.")]
    public static partial void BatchRetried(this ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 707, Level = LogLevel.Warning, Message = "Message store could not add committed messages to the full-text index; they stay queued above the watermark and are indexed in a later round (a search waiting for them fails).")]
    public static partial void IndexingFailed(this ILogger logger, Exception exception);
}
