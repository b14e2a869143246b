using Microsoft.Extensions.Logging;

namespace CustomerService.WebFront.Hubs.Internal;

internal sealed partial class ConnectionPresence
{
    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Renewing a connection's presence failed ({Error}); retrying on the next pass.")]
    private static partial void RenewFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 211, Level = LogLevel.Debug, Message = "Reporting a closed connection failed ({Error}); it expires on its own.")]
    private static partial void DisconnectFailed(ILogger logger, string error);
}
