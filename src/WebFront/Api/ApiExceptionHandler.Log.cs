using Microsoft.Extensions.Logging;

namespace CustomerService.WebFront.Api;

internal sealed partial class ApiExceptionHandler
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "Request {Path} failed unexpectedly.")]
    private static partial void Unexpected(ILogger logger, string path, Exception exception);
}
