using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Hosting;

/// <summary>Configures a silo: its services (storage providers, filters, serializer contexts) and its configuration.</summary>
public interface ISiloBuilder
{
    /// <summary>The host's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>The host's configuration.</summary>
    IConfiguration Configuration { get; }
}

internal sealed record SiloBuilder(IServiceCollection Services, IConfiguration Configuration) : ISiloBuilder;
