using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Membership;

/// <summary>What every membership provider's <c>Add…Membership</c> does: options validated at start (errors named by
/// <c>keyPrefix</c> + key), the table as <see cref="IMembershipTable"/> (and as itself), initialised at host start.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public static class MembershipTableRegistration
{
    /// <summary>Registers a membership table provider.</summary>
    public static IServiceCollection AddMembershipTable<TOptions, TTable>(
        this IServiceCollection services,
        Action<OptionsBuilder<TOptions>> configureOptions,
        IValidateOptions<TOptions> validator,
        Func<IServiceProvider, TOptions, TTable> create)
        where TOptions : class
        where TTable : class, IMembershipTable
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TOptions>();
        configureOptions(options);
        options.ValidateOnStart();
        services.AddSingleton(validator);
        services.AddSingleton(provider => create(provider, provider.GetRequiredService<IOptions<TOptions>>().Value));
        services.AddSingleton<IMembershipTable>(static provider => provider.GetRequiredService<TTable>());
        services.AddSingleton<IHostedService>(static provider => new MembershipTableInitializer(provider.GetRequiredService<IMembershipTable>()));
        return services;
    }

    /// <summary>The prefix that names keys of a bound configuration section in validation errors (<c>Silo:Membership:</c>).</summary>
    public static string KeyPrefixOf(IConfiguration configuration)
        => configuration is IConfigurationSection { Path.Length: > 0 } section ? section.Path + ":" : "";
}
