using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Messages;
using CustomerService.Grains.Visitors;
using CustomerService.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Hosting;

/// <summary>Lets a silo host every customer-service grain: conversations (with their message store), tenants,
/// agents, visitors and the router, with their options bound from configuration and validated at start.</summary>
public static class CustomerServiceGrainsHostingExtensions
{
    /// <summary>Adds the chat grains with a message store on <paramref name="engine"/>. Options: sections
    /// <c>Conversations</c>, <c>MessageStore</c>, <c>Agents</c> and <c>Visitors</c>, then the delegates given.</summary>
    public static ISiloBuilder AddCustomerServiceGrains(
        this ISiloBuilder silo,
        MessageStoreEngine engine,
        Action<MessageStoreOptions>? configureStore = null,
        Action<AgentOptions>? configureAgents = null,
        Action<VisitorOptions>? configureVisitors = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddCustomerServiceGrains(engine, configureStore, configureAgents, configureVisitors);
        return silo;
    }

    /// <summary>The same as <see cref="AddCustomerServiceGrains(ISiloBuilder, MessageStoreEngine, Action{MessageStoreOptions}?, Action{AgentOptions}?, Action{VisitorOptions}?)"/>
    /// on a service collection.</summary>
    public static IServiceCollection AddCustomerServiceGrains(
        this IServiceCollection services,
        MessageStoreEngine engine,
        Action<MessageStoreOptions>? configureStore = null,
        Action<AgentOptions>? configureAgents = null,
        Action<VisitorOptions>? configureVisitors = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddConversationGrains(engine, configureStore);
        services.AddValidatedOptions<AgentOptions, AgentOptionsValidator>(AgentOptions.SectionName, configureAgents);
        services.AddValidatedOptions<VisitorOptions, VisitorOptionsValidator>(VisitorOptions.SectionName, configureVisitors);
        services.AddGrainJsonContext(DomainStateJsonContext.Default);
        return services;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section, Action<TOptions>? configure)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        var options = services.AddOptions<TOptions>().BindConfiguration(section);
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
