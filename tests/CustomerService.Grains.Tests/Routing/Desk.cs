using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Routing;
using CustomerService.Grains.Tenants;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Tests.Tenants;
using CustomerService.Runtime;

using CustomerService.Grains.Tests.Agents;

namespace CustomerService.Grains.Tests.Routing;

/// <summary>A tenant with agents on a test host: the real tenant, agent and router grains.</summary>
internal sealed class Desk(IGrainFactory grains, string tenant)
{
    private int agents;

    public IGrainFactory Grains => grains;

    public string Tenant => tenant;

    public IRouterGrain Router => Grains.GetGrain<IRouterGrain>(tenant);

    public static Task<Desk> OpenAsync(ConversationHost host, string tenant, Func<TenantSettings, TenantSettings>? settings = null) =>
        OpenAsync(host.Grains, tenant, settings);

    public static async Task<Desk> OpenAsync(IGrainFactory grains, string tenant, Func<TenantSettings, TenantSettings>? settings = null)
    {
        var grain = grains.GetGrain<ITenantGrain>(tenant);
        await grain.EnsureCreated(TenantDefaults.Create(tenant, ["*"])).Within();
        if (settings is not null) await grain.UpdateSettings(settings(await grain.GetSettings().Within())).Within();
        return new Desk(grains, tenant);
    }

    /// <summary>The same desk seen through another silo's grain factory (after a restart).</summary>
    public Desk On(IGrainFactory other) => new(other, tenant) { agents = agents };

    public IConversationGrain Conversation(string id) => Grains.GetGrain<IConversationGrain>($"{tenant}/{id}");

    public IAgentGrain Agent(Participant agent) => Grains.GetGrain<IAgentGrain>($"{tenant}/{agent.Id}");

    /// <summary>Creates an agent; online ones hold a connection and are known to the router when this returns.</summary>
    public async Task<Participant> HireAsync(string name, int capacity = 2, string[]? groups = null, bool online = true)
    {
        var n = Interlocked.Increment(ref agents);
        var profile = await Grains.GetGrain<ITenantGrain>(tenant)
            .CreateAgent(new AgentUpdate($"{name.ToLowerInvariant()}@example.com", name, AgentRole.Agent, capacity, [.. groups ?? []], null)).Within();
        var agent = new Participant(AuthorKind.Agent, profile.Id, profile.Name);
        if (online) await OnlineAsync(agent);
        return agent;
    }

    public async Task OnlineAsync(Participant agent)
    {
        var before = (await Router.GetQueue().Within()).AgentsOnline;
        await Agent(agent).Connect("tab-1").Within();
        await Agent(agent).SetStatus(AgentStatus.Online).Within();
        await Eventually.True(async () => (await Router.GetQueue()).AgentsOnline > before);
    }

    public async Task<AgentEventRecorder> InboxAsync(Participant agent)
    {
        var inbox = new AgentEventRecorder();
        await Agent(agent).Subscribe(Grains.CreateObjectReference<IAgentObserver>(inbox)).Within();
        return inbox;
    }

    public async Task<EventRecorder> WatchAsync(IConversationGrain conversation, Participant who)
    {
        var recorder = new EventRecorder();
        await conversation.Subscribe(who, Grains.CreateObjectReference<IConversationObserver>(recorder)).Within();
        return recorder;
    }

    public async Task<string[]> HeldBy(Participant agent) =>
        [.. (await Agent(agent).GetConversations().Within()).Select(c => c.ConversationId)];
}
