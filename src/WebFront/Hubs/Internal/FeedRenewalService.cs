using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>Renews every feed subscription each <see cref="FeedOptions.RenewPeriod"/>, and soon after a hub call
/// failed with a cluster error; also the agents' and visitors' connection presence, which expires unless renewed.
/// After a cluster error (a silo left, so the grain may have moved and forgotten its observers). This is what
/// keeps a front-end from going deaf after a silo restart.</summary>
internal sealed class FeedRenewalService(FeedRegistry feeds, ConnectionPresence presence, IOptions<FeedOptions> options, TimeProvider time) : BackgroundService
{
    private readonly SemaphoreSlim soon = new(0, 1);

    /// <summary>Asks for a renewal pass shortly.</summary>
    public void RenewSoon()
    {
        if (soon.CurrentCount == 0)
        {
            try { soon.Release(); } catch (SemaphoreFullException) { }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await soon.WaitAsync(options.Value.RenewPeriod, stoppingToken))
                    await Task.Delay(options.Value.RenewAfterClusterError, time, stoppingToken);
                await feeds.RenewAllAsync(stoppingToken);
                await presence.RenewAllAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
