using Microsoft.Extensions.Logging;

namespace CustomerService.WebFront.Hosting;

internal sealed partial class StartupBanner
{
    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "CustomerService is running ({Mode} mode).\n  Demo page:     {DemoUrl}\n  Agent console: {ConsoleUrl}")]
    private static partial void Ready(ILogger logger, string mode, string demoUrl, string consoleUrl);
}
