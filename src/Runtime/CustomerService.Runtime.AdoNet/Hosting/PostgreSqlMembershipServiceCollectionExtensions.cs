using CustomerService.Runtime.AdoNet.Membership;
using CustomerService.Runtime.Membership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Hosting;

/// <summary>Registers the PostgreSQL membership table.</summary>
public static class PostgreSqlMembershipServiceCollectionExtensions
{
    /// <summary>Adds a <see cref="PostgreSqlMembershipTable"/> as the <see cref="IMembershipTable"/>, with options set
    /// in code (at least <see cref="PostgreSqlMembershipOptions.ClusterId"/> and
    /// <see cref="PostgreSqlMembershipOptions.ConnectionString"/>), validated at host start; the schema and the table
    /// version are created at host start.</summary>
    public static IServiceCollection AddPostgreSqlMembership(this IServiceCollection services, Action<PostgreSqlMembershipOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddPostgreSqlMembership(builder => builder.Configure(configure), nameof(PostgreSqlMembershipOptions) + ".");
    }

    /// <summary>Adds a <see cref="PostgreSqlMembershipTable"/> with options bound from <paramref name="configuration"/>
    /// (keys <c>ClusterId</c>, <c>ConnectionString</c>), e.g. the section <c>Silo:Membership</c>.</summary>
    public static IServiceCollection AddPostgreSqlMembership(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var prefix = MembershipTableRegistration.KeyPrefixOf(configuration);
        return services.AddPostgreSqlMembership(builder => builder.Bind(configuration), prefix);
    }

    private static IServiceCollection AddPostgreSqlMembership(this IServiceCollection services,
        Action<OptionsBuilder<PostgreSqlMembershipOptions>> configureOptions, string keyPrefix)
        => services.AddMembershipTable(configureOptions, new PostgreSqlMembershipOptionsValidator(keyPrefix),
            static (provider, options) => new PostgreSqlMembershipTable(options, provider.GetService<ILogger<PostgreSqlMembershipTable>>()));
}
