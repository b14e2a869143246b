using System.Collections.Concurrent;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Hosting;
using CustomerService.Grains.Messages;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Runtime;
using CustomerService.Runtime.Serialization;
using CustomerService.Runtime.Storage;
using CustomerService.Runtime.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Grains.Tests.Tenants;

/// <summary>A one-silo test cluster hosting every chat grain (<c>AddCustomerServiceGrains</c>) over in-memory grain
/// storage. <see cref="ReactivateAsync"/> kills the silo (nothing written, nothing deactivated) and starts a fresh one
/// over the same storage, so a test sees only what the grains had persisted.</summary>
internal sealed class DomainHost : IAsyncDisposable
{
    private readonly List<TestCluster> clusters = [];
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"cs-domain-{Guid.NewGuid():N}");
    private readonly TimeProvider? time;
    private readonly Action<AgentOptions>? configureAgents;

    private DomainHost(TimeProvider? time, Action<AgentOptions>? configureAgents)
    {
        this.time = time;
        this.configureAgents = configureAgents;
    }

    public IGrainFactory Grains => clusters[^1].GrainFactory;

    private FencedStorage Storage => (FencedStorage)clusters[^1].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(PersistentStateAttribute.DefaultStorageName);

    /// <summary>State writes of the current silo under <paramref name="stateName"/> (e.g. <c>router</c>, <c>agent</c>).</summary>
    public int Writes(string stateName) => Storage.Writes.GetValueOrDefault(stateName);

    /// <summary>The size of the last state written under <paramref name="stateName"/> by the current silo, in bytes.</summary>
    public int LastWrittenBytes(string stateName) => Storage.LastBytes.GetValueOrDefault(stateName);

    public static async Task<DomainHost> StartAsync(TimeProvider? time = null, Action<AgentOptions>? configureAgents = null)
    {
        var host = new DomainHost(time, configureAgents);
        Directory.CreateDirectory(host.directory);
        try
        {
            await host.StartClusterAsync(shared: null);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the current silo and starts another over the same grain storage; returns its grain factory.</summary>
    public async Task<IGrainFactory> ReactivateAsync()
    {
        var storage = Storage;
        await clusters[^1].Primary.KillAsync().Within();
        // The killed silo's timers still run in this process; a dead process would write nothing.
        storage.Fenced = true;
        await StartClusterAsync(storage.Inner);
        return Grains;
    }

    private async Task StartClusterAsync(IGrainStorage? shared)
    {
        var connectionString = $"Data Source={Path.Combine(directory, "messages.db")}";
        var builder = new TestClusterBuilder().WithoutDefaultStorage().ConfigureSilo(silo =>
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(PersistentStateAttribute.DefaultStorageName, (sp, _) =>
                new FencedStorage(shared ?? new MemoryGrainStorage(sp.GetRequiredService<IGrainSerializer>()), sp.GetRequiredService<IGrainSerializer>()));
            silo.AddCustomerServiceGrains(MessageStoreEngine.Sqlite, store => store.ConnectionString = connectionString, configureAgents);
        });
        if (time is not null) builder.UseTimeProvider(time);
        clusters.Add(await builder.BuildAndStartAsync().Within());
    }

    /// <summary>Storage shared by the silos of one test; a killed silo's writes go nowhere. Counts the writes per
    /// state name, and the size of the last one.</summary>
    private sealed class FencedStorage(IGrainStorage inner, IGrainSerializer serializer) : IGrainStorage
    {
        public IGrainStorage Inner => inner;

        public volatile bool Fenced;

        public ConcurrentDictionary<string, int> Writes { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, int> LastBytes { get; } = new(StringComparer.Ordinal);

        public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
        {
            if (Fenced) return Task.CompletedTask;
            Writes.AddOrUpdate(stateName, 1, (_, n) => n + 1);
            LastBytes[stateName] = serializer.SerializeToUtf8Bytes(grainState.State).Length;
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState) =>
            Fenced ? Task.CompletedTask : inner.ClearStateAsync(stateName, grainId, grainState);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = clusters.Count - 1; i >= 0; i--) await clusters[i].DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}
