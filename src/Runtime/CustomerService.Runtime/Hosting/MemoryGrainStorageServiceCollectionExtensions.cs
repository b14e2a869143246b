#pragma warning disable CS1591 // placeholder
using CustomerService.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Hosting;

// Placeholder until the storage branch lands.
public static class MemoryGrainStorageServiceCollectionExtensions
{
    public static IServiceCollection AddMemoryGrainStorage(this IServiceCollection services, string name = "Default")
        => services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new MemoryGrainStorage(sp.GetRequiredService<CustomerService.Runtime.Serialization.IGrainSerializer>()));
}
