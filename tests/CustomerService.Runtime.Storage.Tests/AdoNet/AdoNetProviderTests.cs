using CustomerService.Runtime.AdoNet.Storage;
using CustomerService.Runtime.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerService.Runtime.Storage.Tests.AdoNet;

/// <summary>What the SQLite and PostgreSQL providers share beyond the conformance suite: schema creation,
/// registration, configuration errors and logging. Each test gets an empty database.</summary>
public abstract partial class AdoNetProviderTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> owned = [];

    /// <summary>Creates an empty database and returns its connection string.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    protected abstract void AddProvider(IServiceCollection services, string name, Action<AdoNetGrainStorageOptions> configure);

    protected abstract void AddProvider(IServiceCollection services, string name, IConfiguration configuration);

    protected abstract Task<bool> TableExistsAsync(string connectionString, string table);

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(owned)) await disposable.DisposeAsync();
        owned.Clear();
    }

    /// <summary>A container of its own with the serializer and one provider named <c>Default</c>.</summary>
    protected ServiceProvider Services(Action<IServiceCollection> addProvider, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TestSerializer.Instance);
        addProvider(services);
        more?.Invoke(services);
        var provider = services.BuildServiceProvider();
        owned.Add(provider);
        return provider;
    }

    /// <summary>A host (not started) with the serializer and what <paramref name="addProvider"/> adds; the caller disposes it.</summary>
    protected static IHost Host(Action<IServiceCollection> addProvider)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(TestSerializer.Instance);
        addProvider(builder.Services);
        return builder.Build();
    }

    protected static AdoNetGrainStorage Storage(IServiceProvider services, string name = "Default") =>
        services.GetRequiredKeyedService<AdoNetGrainStorage>(name);

    protected static IConfigurationSection Section(string path, Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(path);
}
