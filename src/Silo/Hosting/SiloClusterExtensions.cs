using CustomerService.Runtime.Cluster;
using CustomerService.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Silo.Hosting;

/// <summary>Makes the silo a cluster member when <c>Silo:Membership:Provider</c> names a membership table.</summary>
public static partial class SiloClusterExtensions
{
    /// <summary>Reads <c>Silo:Membership</c> (environment <c>Silo__Membership__Provider</c>, ...) and, for Redis or
    /// PostgreSQL, adds that membership table and joins the cluster with the <c>Silo:Cluster</c> settings
    /// (ports, advertised address, failure detection). With <c>None</c> the silo runs on its own.</summary>
    public static ISiloBuilder UseClusterFromConfiguration(this ISiloBuilder silo)
    {
        var selection = silo.Configuration.GetSection(MembershipSelection.SectionName).Get<MembershipSelection>() ?? new();
        var provider = selection.Provider.Trim().ToLowerInvariant();
        if (provider is "none" or "") return silo.Log("Cluster: none (a single silo; set Silo:Membership:Provider to Redis or PostgreSql to form a cluster).");
        if (string.IsNullOrWhiteSpace(selection.ConnectionString))
            throw new InvalidOperationException($"{MembershipSelection.SectionName}:ConnectionString is required for the {selection.Provider} membership table.");
        switch (provider)
        {
            case "redis":
                silo.Services.AddRedisMembership(o => { o.ConnectionString = selection.ConnectionString; o.ClusterId = selection.ClusterId; });
                break;
            case "postgresql":
            case "postgres":
                silo.Services.AddPostgreSqlMembership(o => { o.ConnectionString = selection.ConnectionString; o.ClusterId = selection.ClusterId; });
                break;
            default:
                throw new InvalidOperationException(
                    $"{MembershipSelection.SectionName}:Provider is '{selection.Provider}'; use None, Redis or PostgreSql.");
        }

        silo.UseCluster();
        return silo.Log($"Cluster '{selection.ClusterId}': membership in {selection.Provider}.");
    }

    private static ISiloBuilder Log(this ISiloBuilder silo, string message)
    {
        silo.Services.AddHostedService(sp => new StartupNote(sp.GetRequiredService<ILogger<MembershipSelection>>(), message));
        return silo;
    }

    private sealed partial class StartupNote(ILogger logger, string message) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Note(logger, message);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "{Message}")]
        private static partial void Note(ILogger logger, string message);
    }
}
