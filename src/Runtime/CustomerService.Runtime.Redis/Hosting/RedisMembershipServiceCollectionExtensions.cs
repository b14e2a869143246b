using CustomerService.Runtime.Membership;
using CustomerService.Runtime.Redis.Membership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Hosting;

/// <summary>Registers the Redis membership table.</summary>
public static class RedisMembershipServiceCollectionExtensions
{
    /// <summary>Adds a <see cref="RedisMembershipTable"/> as the <see cref="IMembershipTable"/>, with options set in
    /// code (at least <see cref="RedisMembershipOptions.ClusterId"/> and <see cref="RedisMembershipOptions.ConnectionString"/>),
    /// validated and initialised at host start.</summary>
    public static IServiceCollection AddRedisMembership(this IServiceCollection services, Action<RedisMembershipOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddRedisMembership(builder => builder.Configure(configure), nameof(RedisMembershipOptions) + ".");
    }

    /// <summary>Adds a <see cref="RedisMembershipTable"/> with options bound from <paramref name="configuration"/>
    /// (keys <c>ClusterId</c>, <c>ConnectionString</c>, <c>KeyPrefix</c>), e.g. the section <c>Silo:Membership</c>.</summary>
    public static IServiceCollection AddRedisMembership(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var prefix = MembershipTableRegistration.KeyPrefixOf(configuration);
        return services.AddRedisMembership(builder => builder.Bind(configuration), prefix);
    }

    private static IServiceCollection AddRedisMembership(this IServiceCollection services,
        Action<OptionsBuilder<RedisMembershipOptions>> configureOptions, string keyPrefix)
        => services.AddMembershipTable(configureOptions, new RedisMembershipOptionsValidator(keyPrefix),
            static (provider, options) => new RedisMembershipTable(options, provider.GetService<ILogger<RedisMembershipTable>>()));
}
