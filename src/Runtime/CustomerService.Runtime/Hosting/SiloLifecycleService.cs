using CustomerService.Runtime.Internal;
using Microsoft.Extensions.Hosting;

namespace CustomerService.Runtime.Hosting;

/// <summary>Starts idle collection with the host; on stop, deactivates every grain (writing changed state) and fails
/// calls still waiting, so callers learn at once instead of waiting for their timeout.</summary>
internal sealed class SiloLifecycleService(Catalog catalog, CallbackRegistry callbacks) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.StartCollector();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await catalog.DeactivateAllAsync(cancellationToken);
        callbacks.FailAll(callback => new SiloUnavailableException($"The silo stopped before {callback.Description} completed."));
    }
}
