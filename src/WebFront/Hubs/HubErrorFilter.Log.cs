using Microsoft.Extensions.Logging;

namespace CustomerService.WebFront.Hubs;

internal sealed partial class HubErrorFilter
{
    // The runtime's message says which silo or grain and why (no message text or tokens): without it a benchmark's
    // failures cannot be told apart (a lost connection, a forward between silos that disagree, a timeout).
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Hub call {Method} failed with a cluster error ({Error}: {Detail}); renewing subscriptions.")]
    private static partial void ClusterError(ILogger logger, string method, string error, string detail);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "Hub call {Method} failed unexpectedly.")]
    private static partial void Unexpected(ILogger logger, string method, Exception exception);
}
