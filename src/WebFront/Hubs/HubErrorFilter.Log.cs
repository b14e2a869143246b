using Microsoft.Extensions.Logging;

namespace CustomerService.WebFront.Hubs;

internal sealed partial class HubErrorFilter
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Hub call {Method} failed with a cluster error ({Error}); renewing subscriptions.")]
    private static partial void ClusterError(ILogger logger, string method, string error);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "Hub call {Method} failed unexpectedly.")]
    private static partial void Unexpected(ILogger logger, string method, Exception exception);
}
