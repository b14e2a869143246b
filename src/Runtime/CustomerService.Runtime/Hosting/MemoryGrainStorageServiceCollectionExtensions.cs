using CustomerService.Runtime.Serialization;
using CustomerService.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Hosting;

/// <summary>Registers the in-memory grain storage provider.</summary>
public static class MemoryGrainStorageServiceCollectionExtensions
{
    /// <summary>Adds a <see cref="MemoryGrainStorage"/> as the keyed <see cref="IGrainStorage"/> named
    /// <paramref name="name"/>; grains select it with <c>[PersistentState("state", "name")]</c>. Its contents live
    /// only as long as the process. Needs an <see cref="IGrainSerializer"/> in the container.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The provider name grains refer to.</param>
    public static IServiceCollection AddMemoryGrainStorage(this IServiceCollection services, string name = PersistentStateAttribute.DefaultStorageName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddKeyedSingleton<IGrainStorage>(name,
            static (provider, _) => new MemoryGrainStorage(provider.GetRequiredService<IGrainSerializer>()));
        return services;
    }
}
