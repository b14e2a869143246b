using CustomerService.Runtime.Membership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Hosting;

/// <summary>Registers the in-memory membership table.</summary>
public static class InMemoryMembershipServiceCollectionExtensions
{
    /// <summary>Adds an <see cref="InMemoryMembershipTable"/> as the <see cref="IMembershipTable"/>, with options set
    /// in code, validated at host start, and initialised at host start.</summary>
    public static IServiceCollection AddInMemoryMembership(this IServiceCollection services, Action<InMemoryMembershipOptions>? configure = null) =>
        services.AddInMemoryMembership(builder => builder.Configure(configure ?? (_ => { })), nameof(InMemoryMembershipOptions) + ".");

    /// <summary>Adds an <see cref="InMemoryMembershipTable"/> with options bound from <paramref name="configuration"/>
    /// (key <c>ClusterId</c>).</summary>
    public static IServiceCollection AddInMemoryMembership(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var prefix = MembershipTableRegistration.KeyPrefixOf(configuration);
        return services.AddInMemoryMembership(builder => builder.Bind(configuration), prefix);
    }

    private static IServiceCollection AddInMemoryMembership(this IServiceCollection services,
        Action<OptionsBuilder<InMemoryMembershipOptions>> configureOptions, string keyPrefix)
        => services.AddMembershipTable(configureOptions, new InMemoryMembershipOptionsValidator(keyPrefix),
            static (provider, options) => new InMemoryMembershipTable(options.ClusterId, provider.GetService<ILogger<InMemoryMembershipTable>>()));
}
