using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Cluster;

/// <summary>Makes a silo a member of a cluster. Needs a membership table (AddInMemoryMembership, AddRedisMembership or
/// AddPostgreSqlMembership).</summary>
public static class ClusterHostingExtensions
{
    /// <summary>Joins the cluster at start (listening for other silos), takes part in failure detection, and leaves
    /// at stop. Options bind from <c>Silo:Cluster</c>; <paramref name="configure"/> runs after binding.</summary>
    public static ISiloBuilder UseCluster(this ISiloBuilder silo, Action<ClusterOptions>? configure = null)
    {
        silo.Services.AddSingleton(new ClusterRole(IsClient: false));
        return silo.AddClusterServices(configure);
    }

    /// <summary>Makes this process a cluster client, as a front-end in cluster mode is: it reads the membership table,
    /// sends each call straight to the silo that owns the grain, hosts observers that grains call back (it listens on
    /// <see cref="ClusterOptions.SiloPort"/> for those calls; 0 picks a free port) and follows silos joining and
    /// leaving. It hosts no grains. Needs a membership table provider, as silos do.</summary>
    public static IServiceCollection AddGrainClient(this IServiceCollection services, Action<ClusterOptions>? configure = null)
    {
        services.AddGrainRuntime();
        services.AddSingleton(new ClusterRole(IsClient: true));
        new SiloBuilder(services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).AddClusterServices(o =>
        {
            o.SiloPort = 0;
            configure?.Invoke(o);
        });
        return services;
    }

    private static ISiloBuilder AddClusterServices(this ISiloBuilder silo, Action<ClusterOptions>? configure)
    {
        var options = silo.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.SectionName).ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        silo.Services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();
        silo.Services.AddSingleton<MessageCodec>(sp => new MessageCodec(
            sp.GetRequiredService<Serialization.IGrainSerializer>(), sp.GetRequiredService<Serialization.ExceptionCodec>()));
        silo.Services.AddSingleton<FrameDispatcher>();
        silo.Services.AddSingleton<SiloIdentity>();
        silo.Services.AddSingleton<SiloConnections>();
        silo.Services.AddSingleton<ClusterPlacement>();
        silo.Services.Replace(ServiceDescriptor.Singleton<Internal.IMessageRouter, ClusterMessageRouter>());
        silo.Services.AddSingleton<ClusterMembershipService>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<ClusterMembershipService>());
        return silo;
    }
}
