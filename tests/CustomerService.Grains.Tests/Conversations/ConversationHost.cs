using CustomerService.Grains.Conversations;
using CustomerService.Grains.Hosting;
using CustomerService.Grains.Messages;
using CustomerService.Runtime;
using CustomerService.Runtime.Serialization;
using CustomerService.Runtime.Storage;
using CustomerService.Runtime.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>A one-silo test cluster hosting the conversation grains over a real SQLite message store in a temp
/// folder. <see cref="StartSecondSiloAsync"/> starts another silo over the same grain storage and message store:
/// the same conversation key then has one activation in each, as during a membership change.</summary>
internal sealed class ConversationHost : IAsyncDisposable
{
    private readonly List<TestCluster> clusters = [];
    private readonly string directory;

    private ConversationHost(string directory) => this.directory = directory;

    public TestCluster Cluster => clusters[0];

    public IGrainFactory Grains => Cluster.GrainFactory;

    public IMessageStore Store => Cluster.ServiceProvider.GetRequiredService<IMessageStore>();

    /// <summary>Starts the host; <paramref name="wrapStore"/> may put a test double around the real store, and
    /// <paramref name="wrapStorage"/> one around the in-memory grain storage.</summary>
    public static async Task<ConversationHost> StartAsync(
        TimeProvider? time = null,
        Action<ConversationOptions>? configure = null,
        Func<IMessageStore, IMessageStore>? wrapStore = null,
        Func<IGrainStorage, IGrainStorage>? wrapStorage = null)
    {
        var host = new ConversationHost(Path.Combine(Path.GetTempPath(), $"cs-conv-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(host.directory);
        var connectionString = $"Data Source={Path.Combine(host.directory, "messages.db")}";
        var builder = new TestClusterBuilder().ConfigureSilo(silo =>
        {
            if (wrapStore is not null)
            {
                // Registered first, so the hosting extension keeps it.
                silo.Services.AddSingleton(sp => wrapStore(MessageStores.Create(
                    MessageStoreEngine.Sqlite, new MessageStoreOptions { ConnectionString = connectionString }, sp.GetRequiredService<TimeProvider>())));
            }

            if (wrapStorage is not null)
            {
                silo.Services.AddKeyedSingleton<IGrainStorage>(PersistentStateAttribute.DefaultStorageName,
                    (sp, _) => wrapStorage(new MemoryGrainStorage(sp.GetRequiredService<IGrainSerializer>())));
            }

            silo.AddCustomerServiceGrains(MessageStoreEngine.Sqlite, store => store.ConnectionString = connectionString);
            if (configure is not null) silo.Services.Configure(configure);
        });
        if (wrapStorage is not null) builder.WithoutDefaultStorage();
        if (time is not null) builder.UseTimeProvider(time);
        try
        {
            host.clusters.Add(await builder.BuildAndStartAsync().Within());
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A second silo sharing this one's grain storage and message store; returns its grain factory.</summary>
    public async Task<IGrainFactory> StartSecondSiloAsync()
    {
        var storage = Cluster.ServiceProvider.GetRequiredKeyedService<IGrainStorage>(PersistentStateAttribute.DefaultStorageName);
        var store = Store;
        var index = Cluster.ServiceProvider.GetRequiredService<IConversationIndex>();
        var cluster = await new TestClusterBuilder()
            .WithoutDefaultStorage()
            .ConfigureSilo(silo =>
            {
                silo.Services.AddKeyedSingleton(PersistentStateAttribute.DefaultStorageName, storage);
                silo.Services.AddSingleton(store);
                silo.Services.AddSingleton(index);
                silo.AddCustomerServiceGrains(MessageStoreEngine.Sqlite, s => s.ConnectionString = "Data Source=unused.db");
            })
            .BuildAndStartAsync().Within();
        clusters.Add(cluster);
        return cluster.GrainFactory;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = clusters.Count - 1; i >= 0; i--) await clusters[i].DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}
