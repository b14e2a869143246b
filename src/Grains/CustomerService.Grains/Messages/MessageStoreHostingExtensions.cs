using CustomerService.Grains.Messages.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Messages;

/// <summary>Registers an <see cref="IMessageStore"/> whose options come from the <c>MessageStore</c> configuration
/// section, then from <c>configure</c>, and are validated at start.</summary>
public static class MessageStoreHostingExtensions
{
    /// <summary>A message store in a SQLite file (embedded mode).</summary>
    public static IServiceCollection AddSqliteMessageStore(this IServiceCollection services, Action<MessageStoreOptions>? configure = null) =>
        services.AddMessageStore(MessageStoreEngine.Sqlite, configure);

    /// <summary>A message store in a PostgreSQL database (cluster mode).</summary>
    public static IServiceCollection AddPostgreSqlMessageStore(this IServiceCollection services, Action<MessageStoreOptions>? configure = null) =>
        services.AddMessageStore(MessageStoreEngine.PostgreSql, configure);

    private static IServiceCollection AddMessageStore(this IServiceCollection services, MessageStoreEngine engine, Action<MessageStoreOptions>? configure)
    {
        var options = services.AddOptions<MessageStoreOptions>().BindConfiguration(MessageStoreOptions.SectionName);
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessageStoreOptions>>(new MessageStoreOptionsValidator(engine));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMessageStore>(provider => MessageStores.Create(
            engine,
            provider.GetRequiredService<IOptions<MessageStoreOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger<IMessageStore>() ?? NullLogger<IMessageStore>.Instance));
        return services;
    }
}
