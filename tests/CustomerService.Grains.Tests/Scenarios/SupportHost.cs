using System.Collections.Immutable;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Hosting;
using CustomerService.Grains.Messages;
using CustomerService.Grains.Tenants;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Visitors;
using CustomerService.Runtime;
using CustomerService.Runtime.Testing;
using Microsoft.Data.Sqlite;

using CustomerService.Grains.Tests.Agents;

namespace CustomerService.Grains.Tests.Scenarios;

/// <summary>A one-silo test cluster hosting every customer-service grain over a real SQLite message store, with one
/// tenant and helpers to act as its visitors and agents.</summary>
internal sealed class SupportHost : IAsyncDisposable
{
    private readonly string directory;
    private TestCluster? cluster;

    private SupportHost(string tenant, string directory)
    {
        Tenant = tenant;
        this.directory = directory;
    }

    public string Tenant { get; }

    public IGrainFactory Grains => cluster!.GrainFactory;

    public ITenantGrain TenantGrain => Grains.GetGrain<ITenantGrain>(Tenant);

    public static async Task<SupportHost> StartAsync(bool sticky = true, bool bot = false, int unansweredSeconds = 0, TimeProvider? time = null)
    {
        var host = new SupportHost($"t{Guid.NewGuid():N}"[..12], Path.Combine(Path.GetTempPath(), $"cs-support-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(host.directory);
        var connectionString = $"Data Source={Path.Combine(host.directory, "messages.db")}";
        var builder = new TestClusterBuilder().ConfigureSilo(silo =>
            silo.AddCustomerServiceGrains(MessageStoreEngine.Sqlite, store => store.ConnectionString = connectionString));
        if (time is not null) builder.UseTimeProvider(time);
        try
        {
            host.cluster = await builder.BuildAndStartAsync().Within();
            await host.TenantGrain.EnsureCreated(Settings(sticky, bot, unansweredSeconds)).Within();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public static TenantSettings Settings(bool sticky, bool bot, int unansweredSeconds) => new(
        "Scenario Shop", "#1f6feb", "Hi! How can we help?", "We are offline; we will answer by email.",
        new PreChatForm(false, []), ["*"], "scenario-identity-secret-0123456789", DraftPreview: true, BotEnabled: bot,
        new RoutingSettings(sticky, unansweredSeconds), null);

    /// <summary>Creates an agent (offline) and returns it as a participant with its grain.</summary>
    public async Task<(Participant Who, IAgentGrain Grain)> CreateAgentAsync(string name, int capacity = 3, params string[] groups)
    {
        var profile = await TenantGrain.CreateAgent(new AgentUpdate($"{name.ToLowerInvariant()}@scenario.test", name, AgentRole.Agent, capacity, [.. groups], "not-a-real-hash")).Within();
        return (new Participant(AuthorKind.Agent, profile.Id, profile.Name), Grains.GetGrain<IAgentGrain>($"{Tenant}/{profile.Id}"));
    }

    /// <summary>An agent online with a recorder subscribed to its events.</summary>
    public async Task<(Participant Who, IAgentGrain Grain, AgentEventRecorder Events)> AgentOnlineAsync(string name, int capacity = 3, params string[] groups)
    {
        var (who, grain) = await CreateAgentAsync(name, capacity, groups);
        var events = new AgentEventRecorder();
        await grain.Subscribe(Grains.CreateObjectReference<IAgentObserver>(events)).Within();
        await grain.SetStatus(AgentStatus.Online).Within();
        return (who, grain, events);
    }

    /// <summary>A visitor with its conversation and a recorder subscribed to the visitor's view of it.</summary>
    public async Task<(Participant Who, IConversationGrain Conversation, EventRecorder Events, string Key)> VisitorAsync(string id, string name)
    {
        var who = new Participant(AuthorKind.Visitor, id, name);
        var key = await Grains.GetGrain<IVisitorGrain>($"{Tenant}/{id}").GetOrOpenConversation().Within();
        var conversation = Grains.GetGrain<IConversationGrain>(key);
        var events = new EventRecorder();
        await conversation.Subscribe(who, Grains.CreateObjectReference<IConversationObserver>(events)).Within();
        return (who, conversation, events, key);
    }

    /// <summary>Polls until <paramref name="condition"/> holds: for state that one-way calls settle.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read().Within();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The condition did not hold within {seconds} s; last value: {value}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null) await cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}
