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
        var prefix = configuration is IConfigurationSection { Path.Length: > 0 } section ? section.Path + ":" : "";
        return services.AddPostgreSqlMembership(builder => builder.Bind(configuration), prefix);
    }

    private static IServiceCollection AddPostgreSqlMembership(this IServiceCollection services,
        Action<OptionsBuilder<PostgreSqlMembershipOptions>> configureOptions, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PostgreSqlMembershipOptions>();
        configureOptions(options);
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<PostgreSqlMembershipOptions>>(new PostgreSqlMembershipOptionsValidator(keyPrefix));
        services.AddSingleton(provider => new PostgreSqlMembershipTable(
            provider.GetRequiredService<IOptions<PostgreSqlMembershipOptions>>().Value,
            provider.GetService<ILogger<PostgreSqlMembershipTable>>()));
        services.AddSingleton<IMembershipTable>(static provider => provider.GetRequiredService<PostgreSqlMembershipTable>());
        services.AddSingleton<IHostedService>(provider => new MembershipTableInitializer(provider.GetRequiredService<IMembershipTable>()));
        return services;
    }
}
