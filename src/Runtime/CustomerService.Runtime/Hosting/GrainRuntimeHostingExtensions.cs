using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Invocation;
using CustomerService.Runtime.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Hosting;

/// <summary>Hosting entry points: <c>builder.UseGrainRuntime(silo => ...)</c> and the service registrations behind it.</summary>
public static class GrainRuntimeHostingExtensions
{
    /// <summary>Runs a silo in this host: grains become callable through <see cref="IGrainFactory"/>, and stopping the
    /// host deactivates every grain and writes its changed state.</summary>
    public static IHostApplicationBuilder UseGrainRuntime(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        builder.Services.AddGrainRuntime();
        configure?.Invoke(new SiloBuilder(builder.Services, builder.Configuration));
        return builder;
    }

    /// <summary>Registers the runtime's services; options bind from the <c>GrainRuntime</c> section.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(Catalog))) return services;
        services.AddOptions<GrainRuntimeOptions>().BindConfiguration(GrainRuntimeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GrainRuntimeOptions>, GrainRuntimeOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IGrainSerializer>(sp => new JsonGrainSerializer(
            sp.GetServices<IJsonTypeInfoResolver>(),
            new GrainReferenceJsonConverter(sp.GetRequiredService<IGrainCallInvoker>)));
        services.AddSingleton<IDeepCopier, DeepCopier>();
        services.AddSingleton<ExceptionCodec>();
        services.AddSingleton<GrainTypeResolver>();
        services.AddSingleton<CallbackRegistry>();
        services.AddSingleton<Catalog>();
        services.TryAddSingleton<IMessageRouter, LocalMessageRouter>();
        services.AddSingleton<IGrainCallInvoker, GrainCallInvoker>();
        services.AddSingleton<IGrainFactory, GrainFactory>();
        services.AddHostedService<SiloLifecycleService>();
        return services;
    }

    /// <summary>Adds source-generated JSON metadata for state and message types (searched before the reflection fallback).</summary>
    public static IServiceCollection AddGrainJsonContext(this IServiceCollection services, IJsonTypeInfoResolver context)
        => services.AddSingleton(context);

    /// <summary>Adds a filter that runs around every call delivered to a grain of this silo, in registration order.</summary>
    public static IServiceCollection AddIncomingGrainCallFilter<TFilter>(this IServiceCollection services)
        where TFilter : class, IIncomingGrainCallFilter => services.AddSingleton<IIncomingGrainCallFilter, TFilter>();

    /// <summary>Adds a filter instance that runs around every call delivered to a grain of this silo.</summary>
    public static IServiceCollection AddIncomingGrainCallFilter(this IServiceCollection services, IIncomingGrainCallFilter filter)
        => services.AddSingleton(filter);

    /// <summary>Adds a filter, created from the silo's services, that runs around every call delivered to a grain.</summary>
    public static IServiceCollection AddIncomingGrainCallFilter(this IServiceCollection services, Func<IServiceProvider, IIncomingGrainCallFilter> create)
        => services.AddSingleton(create);

    /// <summary>Adds a filter that runs around every call sent from this process, in registration order.</summary>
    public static IServiceCollection AddOutgoingGrainCallFilter<TFilter>(this IServiceCollection services)
        where TFilter : class, IOutgoingGrainCallFilter => services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();

    /// <summary>Adds a filter instance that runs around every call sent from this process.</summary>
    public static IServiceCollection AddOutgoingGrainCallFilter(this IServiceCollection services, IOutgoingGrainCallFilter filter)
        => services.AddSingleton(filter);

    /// <summary>Adds the grain classes of an assembly that the silo would not find on its own (one loaded later, say).</summary>
    public static IServiceCollection AddGrainAssembly(this IServiceCollection services, Assembly assembly)
        => services.AddSingleton(new GrainAssembly(assembly));
}
