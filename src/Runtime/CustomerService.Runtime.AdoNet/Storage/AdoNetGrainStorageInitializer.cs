using Microsoft.Extensions.Hosting;

namespace CustomerService.Runtime.AdoNet.Storage;

/// <summary>Creates a provider's table when the host starts, so that a wrong connection string or a missing
/// permission stops the start instead of the first grain activation.</summary>
internal sealed class AdoNetGrainStorageInitializer(AdoNetGrainStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
