using Microsoft.Extensions.Logging;

namespace CustomerService.WebFront.Hubs.Internal;

internal sealed partial class FeedRegistry
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Feed {Feed}: renewing the subscription failed ({Error}); retrying on the next pass.")]
    private static partial void RenewFailed(ILogger logger, string feed, string error);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Renewed {Count} feed subscriptions ({Failed} failed).")]
    private static partial void Renewed(ILogger logger, int count, int failed);

    [LoggerMessage(EventId = 202, Level = LogLevel.Debug, Message = "Feed {Feed}: releasing the subscription failed ({Error}); it expires on its own.")]
    private static partial void ReleaseFailed(ILogger logger, string feed, string error);
}
