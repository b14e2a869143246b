using Microsoft.Extensions.Hosting;

namespace CustomerService.Runtime.Membership;

/// <summary>Initialises the membership table (schema and table version) when the host starts. Registered by the
/// <c>Add…Membership</c> extensions of every provider.</summary>
/// <param name="table">The table to initialise.</param>
public sealed class MembershipTableInitializer(IMembershipTable table) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => table.InitializeAsync(tryInitTableVersion: true).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
