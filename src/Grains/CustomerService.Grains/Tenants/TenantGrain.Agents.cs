using System.Collections.Immutable;
using CustomerService.Grains.Agents;

namespace CustomerService.Grains.Tenants;

public sealed partial class TenantGrain
{
    private const int MaxAgents = 1000;
    private readonly Dictionary<string, string> idByEmail = new(StringComparer.OrdinalIgnoreCase);

    private void RebuildEmailIndex()
    {
        idByEmail.Clear();
        foreach (var (id, profile) in S.Agents) idByEmail.TryAdd(profile.Email, id);
    }

    /// <inheritdoc />
    public async Task<AgentProfile> CreateAgent(AgentUpdate agent)
    {
        Settings();
        ValidateAgent(agent, agentId: null);
        if (S.Agents.Count >= MaxAgents) throw Refuse.Invalid("agents", $"at most {MaxAgents} agents per tenant.");
        string id;
        do id = Refuse.NewId(12); while (S.Agents.ContainsKey(id));

        // Reserve the email first, so a failure below leaves at worst an entry that RemoveAgent cleans up, never an
        // agent grain the directory does not know.
        var email = agent.Email.Trim();
        S.Agents[id] = new AgentProfile(id, email, agent.Name.Trim(), agent.Role, AgentStatus.Offline, agent.Capacity, Normalize(agent.Groups));
        idByEmail[email] = id;
        await state.WriteStateAsync();
        try
        {
            var profile = await GrainFactory.GetGrain<IAgentGrain>($"{tenantId}/{id}").Initialize(agent);
            S.Agents[id] = profile;
            return profile;
        }
        catch
        {
            S.Agents.Remove(id);
            RebuildEmailIndex();
            await state.WriteStateAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public Task<string?> FindAgentId(string email) =>
        Task.FromResult(email is not null && idByEmail.TryGetValue(email.Trim(), out var id) ? id : null);

    /// <inheritdoc />
    public async Task<AgentProfile> UpdateAgent(string agentId, AgentUpdate agent)
    {
        Settings();
        if (agentId is null || !S.Agents.ContainsKey(agentId)) throw Refuse.NotFound($"The agent '{agentId}'");
        ValidateAgent(agent, agentId);
        var profile = await GrainFactory.GetGrain<IAgentGrain>($"{tenantId}/{agentId}").Update(agent);
        S.Agents[agentId] = profile;
        RebuildEmailIndex();
        await state.WriteStateAsync();
        return profile;
    }

    /// <inheritdoc />
    public async Task RemoveAgent(string agentId)
    {
        Settings();
        if (agentId is null || !S.Agents.ContainsKey(agentId)) throw Refuse.NotFound($"The agent '{agentId}'");
        await GrainFactory.GetGrain<IAgentGrain>($"{tenantId}/{agentId}").Remove();
        S.Agents.Remove(agentId);
        RebuildEmailIndex();
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<ImmutableArray<AgentProfile>> ListAgents() => Task.FromResult<ImmutableArray<AgentProfile>>(
        [.. S.Agents.Values.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal)]);

    /// <inheritdoc />
    public async Task AgentChanged(AgentProfile agent)
    {
        if (agent is null || !S.Agents.TryGetValue(agent.Id, out var known) || Same(known, agent)) return;
        // The directory owns the email: an agent never takes an address another agent holds here.
        if (idByEmail.TryGetValue(agent.Email, out var holder) && holder != agent.Id) agent = agent with { Email = known.Email };
        S.Agents[agent.Id] = agent;
        RebuildEmailIndex();
        await state.WriteStateAsync();
    }

    private void ValidateAgent(AgentUpdate agent, string? agentId)
    {
        AgentRules.Validate(agent);
        if (idByEmail.TryGetValue(agent.Email.Trim(), out var holder) && holder != agentId)
            throw Refuse.Conflict("email", "another agent of this tenant has it.");
        foreach (var group in agent.Groups.IsDefault ? [] : agent.Groups)
            if (!S.Groups.Any(g => g.Id == group)) throw Refuse.Invalid("groups", $"no group '{group}' in this tenant.");
    }

    // Records compare arrays by reference; the directory cares about content.
    private static bool Same(AgentProfile a, AgentProfile b) =>
        a with { Groups = ImmutableArray<string>.Empty } == b with { Groups = ImmutableArray<string>.Empty } && a.Groups.SequenceEqual(b.Groups);

    private static ImmutableArray<string> Normalize(ImmutableArray<string> groups) =>
        groups.IsDefault ? [] : [.. groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
