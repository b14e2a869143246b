using CustomerService.Grains.Conversations;
using CustomerService.Grains.Crdt;
using CustomerService.Grains.Messages;
using CustomerService.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Hosting;

/// <summary>Lets a silo host the conversation grains: their options (section <c>Conversations</c>, validated at
/// start), their JSON contexts and the message store they write to.</summary>
public static class ConversationHostingExtensions
{
    /// <summary>Adds the conversation grains with a message store on <paramref name="engine"/>; the store's options
    /// come from the <c>MessageStore</c> section, then <paramref name="configureStore"/>.</summary>
    public static ISiloBuilder AddConversationGrains(
        this ISiloBuilder silo,
        MessageStoreEngine engine,
        Action<MessageStoreOptions>? configureStore = null,
        Action<ConversationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddConversationGrains(engine, configureStore, configure);
        return silo;
    }

    /// <summary>The same as <see cref="AddConversationGrains(ISiloBuilder, MessageStoreEngine, Action{MessageStoreOptions}?, Action{ConversationOptions}?)"/>
    /// on a service collection. A message store registered before is kept.</summary>
    public static IServiceCollection AddConversationGrains(
        this IServiceCollection services,
        MessageStoreEngine engine,
        Action<MessageStoreOptions>? configureStore = null,
        Action<ConversationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName);
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>();

        services.AddGrainJsonContext(GrainsJsonContext.Default);
        services.AddGrainJsonContext(ConversationJsonContext.Default);
        services.AddGrainJsonContext(DomainJsonContext.Default);
        services.AddGrainJsonContext(CrdtJsonContext.Default);
        services.AddGrainJsonContext(ConversationStateJsonContext.Default);
        services.AddGrainJsonContext(Routing.RouterStateJsonContext.Default);
        services.AddGrainAssembly(typeof(ConversationGrain).Assembly);

        if (engine == MessageStoreEngine.Sqlite) services.AddSqliteMessageStore(configureStore);
        else services.AddPostgreSqlMessageStore(configureStore);
        services.TryAddSingleton(provider => MessageStores.CreateConversationIndex(
            engine,
            provider.GetRequiredService<IOptions<MessageStoreOptions>>().Value,
            provider.GetService<ILoggerFactory>()?.CreateLogger<IConversationIndex>()));
        return services;
    }
}
