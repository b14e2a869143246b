using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Grains.Tests.Tenants;
using CustomerService.Runtime;

namespace CustomerService.Grains.Tests.Agents;

internal static class AgentSetup
{
    /// <summary>A tenant with one agent; returns the agent grain.</summary>
    public static async Task<IAgentGrain> NewAgentAsync(DomainHost host, int capacity = 2)
    {
        var tenant = await Samples.NewTenantAsync(host.Grains);
        var profile = await tenant.CreateAgent(Samples.Agent(capacity: capacity)).Within();
        return host.Grains.GetGrain<IAgentGrain>($"{tenant.GetPrimaryKeyString()}/{profile.Id}");
    }

    public static async Task<AgentEventRecorder> SubscribeAsync(DomainHost host, IAgentGrain agent)
    {
        var recorder = new AgentEventRecorder();
        await agent.Subscribe(host.Grains.CreateObjectReference<IAgentObserver>(recorder)).Within();
        return recorder;
    }

    public static string TenantOf(IAgentGrain agent) => agent.GetPrimaryKeyString().Split('/')[0];

    /// <summary>A conversation of the agent's tenant as the router would hand it over.</summary>
    public static ConversationView Conversation(IAgentGrain agent, string id, long unread = 0) => new(
        $"{TenantOf(agent)}/{id}", ConversationStatus.Open, People.Visitor, null, null, RoutingState.Queued,
        [], 1, unread, null, null, null, null, null, null);
}
