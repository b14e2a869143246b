using CustomerService.Runtime.Internal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.Hosting;

/// <summary>Starts idle collection with the host; on stop, deactivates every grain (writing changed state) and fails
/// calls still waiting, so callers learn at once instead of waiting for their timeout.</summary>
internal sealed partial class SiloLifecycleService(Catalog catalog, CallbackRegistry callbacks, GrainTypeResolver types, ILogger<SiloLifecycleService> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var classes = types.GrainClassAliases();
        LogStarted(logger, classes.Count, string.Join(", ", classes));
        catalog.StartCollector();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await catalog.DeactivateAllAsync(cancellationToken);
        callbacks.FailAll(callback => new SiloUnavailableException($"The silo stopped before {callback.Description} completed."));
        LogStopped(logger);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Silo started with {Count} grain classes: {Classes}.")]
    private static partial void LogStarted(ILogger logger, int count, string classes);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Silo stopped; every grain was deactivated.")]
    private static partial void LogStopped(ILogger logger);
}
