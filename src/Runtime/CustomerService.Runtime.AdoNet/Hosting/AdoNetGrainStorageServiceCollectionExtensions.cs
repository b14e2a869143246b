using CustomerService.Runtime.AdoNet.Dialects;
using CustomerService.Runtime.AdoNet.Storage;
using CustomerService.Runtime.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Hosting;

/// <summary>Registers SQLite and PostgreSQL grain storage providers.</summary>
/// <remarks>Each call adds a keyed <see cref="IGrainStorage"/> (and the concrete <see cref="AdoNetGrainStorage"/>)
/// under <c>name</c>, options named <c>name</c> that are validated at host start, and a hosted service that creates
/// the table at start. Without a host the table is created on first use. Needs an <see cref="IGrainSerializer"/> in
/// the container; uses <see cref="TimeProvider"/> and logging when registered.</remarks>
public static class AdoNetGrainStorageServiceCollectionExtensions
{
    // Options set in code have no configuration key; the property path is what to fix then.
    private const string CodeKeyPrefix = nameof(AdoNetGrainStorageOptions) + ".";

    /// <summary>Adds grain storage in a SQLite database file, with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The provider name grains refer to (e.g. <c>Default</c>).</param>
    /// <param name="configure">Sets the options; at least <see cref="AdoNetGrainStorageOptions.ConnectionString"/>.</param>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, Action<AdoNetGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddAdoNetGrainStorage(name, SqliteDialect.Describe, static cs => new SqliteDialect(cs),
            builder => builder.Configure(configure), CodeKeyPrefix);
    }

    /// <summary>Adds grain storage in a SQLite database file, with options bound from a configuration section
    /// (keys <c>ConnectionString</c>, <c>ServiceId</c>, <c>TableName</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The provider name grains refer to (e.g. <c>Default</c>).</param>
    /// <param name="configuration">The section holding the options, e.g. <c>GrainStorage:Default</c>.</param>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAdoNetGrainStorage(name, SqliteDialect.Describe, static cs => new SqliteDialect(cs),
            builder => builder.Bind(configuration), ConfigurationKeyPrefix(configuration));
    }

    /// <summary>Adds grain storage in a PostgreSQL database, with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The provider name grains refer to (e.g. <c>Default</c>).</param>
    /// <param name="configure">Sets the options; at least <see cref="AdoNetGrainStorageOptions.ConnectionString"/>.</param>
    public static IServiceCollection AddPostgreSqlGrainStorage(this IServiceCollection services, string name, Action<AdoNetGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddAdoNetGrainStorage(name, PostgreSqlDialect.Describe, static cs => new PostgreSqlDialect(cs),
            builder => builder.Configure(configure), CodeKeyPrefix);
    }

    /// <summary>Adds grain storage in a PostgreSQL database, with options bound from a configuration section
    /// (keys <c>ConnectionString</c>, <c>ServiceId</c>, <c>TableName</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The provider name grains refer to (e.g. <c>Default</c>).</param>
    /// <param name="configuration">The section holding the options, e.g. <c>GrainStorage:Default</c>.</param>
    public static IServiceCollection AddPostgreSqlGrainStorage(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAdoNetGrainStorage(name, PostgreSqlDialect.Describe, static cs => new PostgreSqlDialect(cs),
            builder => builder.Bind(configuration), ConfigurationKeyPrefix(configuration));
    }

    private static string ConfigurationKeyPrefix(IConfiguration configuration) =>
        configuration is IConfigurationSection { Path.Length: > 0 } section ? section.Path + ":" : "";

    private static IServiceCollection AddAdoNetGrainStorage(this IServiceCollection services, string name,
        DialectDescription engine, Func<string, AdoNetDialect> createDialect,
        Action<OptionsBuilder<AdoNetGrainStorageOptions>> configureOptions, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var options = services.AddOptions<AdoNetGrainStorageOptions>(name);
        configureOptions(options);
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdoNetGrainStorageOptions>>(new AdoNetGrainStorageOptionsValidator(name, keyPrefix, engine));

        services.AddKeyedSingleton(name, (provider, _) =>
        {
            // Get validates: a bad setting fails here with the validator's message, also without a host.
            var settings = provider.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(name);
            return new AdoNetGrainStorage(name, settings, createDialect(settings.ConnectionString),
                provider.GetRequiredService<IGrainSerializer>(),
                provider.GetService<ILogger<AdoNetGrainStorage>>() ?? NullLogger<AdoNetGrainStorage>.Instance,
                provider.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        services.AddKeyedSingleton<IGrainStorage>(name, static (provider, key) => provider.GetRequiredKeyedService<AdoNetGrainStorage>(key));
        // Not AddHostedService: it de-duplicates by implementation type, which would keep only the first provider's.
        services.AddSingleton<IHostedService>(provider => new AdoNetGrainStorageInitializer(provider.GetRequiredKeyedService<AdoNetGrainStorage>(name)));
        return services;
    }
}
