using CustomerService.Grains.Tenants;

namespace CustomerService.Grains.Agents;

public sealed partial class AgentGrain
{
    /// <inheritdoc />
    public async Task<AgentProfile> Initialize(AgentUpdate profile)
    {
        AgentRules.Validate(profile);
        if (S.Exists) throw Refuse.Conflict("agent", $"'{agentId}' exists already.");
        state.State = new AgentState { Exists = true, Status = AgentStatus.Offline };
        Apply(profile);
        await state.WriteStateAsync();
        return Profile();
    }

    /// <inheritdoc />
    public Task<AgentProfile> GetProfile()
    {
        EnsureExists();
        return Task.FromResult(Profile());
    }

    /// <inheritdoc />
    public Task<string?> GetPasswordHash() => Task.FromResult(S.Exists ? S.PasswordHash : null);

    /// <inheritdoc />
    public async Task<AgentProfile> Update(AgentUpdate profile)
    {
        EnsureExists();
        AgentRules.Validate(profile);
        // The router knows the agent by name, capacity and groups; the consoles show name and capacity.
        var routingChanged = profile.Capacity != S.Capacity || profile.Name.Trim() != S.Name || !S.Groups.SequenceEqual(Groups(profile));
        Apply(profile);
        await state.WriteStateAsync();
        ReportProfile();
        if (routingChanged)
        {
            ReportPresence();
            PublishAgentUpdated();
        }

        return Profile();
    }

    /// <inheritdoc />
    public async Task Remove()
    {
        if (!S.Exists) return;
        var handedBack = S.Conversations.Keys.ToList();
        S.Status = AgentStatus.Offline;
        S.Exists = false;
        S.Conversations.Clear();
        S.PasswordHash = null;
        connections.Clear();
        await state.WriteStateAsync();
        // The router re-queues what it hears this agent held.
        ReportPresence(handedBack);
        PublishAgentUpdated();
        SchedulePresence();
    }

    /// <inheritdoc />
    public async Task<AgentProfile> SetStatus(AgentStatus status)
    {
        EnsureExists();
        if (!Enum.IsDefined(status)) throw Refuse.Invalid("status", "use online, away or offline.");
        if (status != S.Status)
        {
            await ChangeStatusAsync(status);
        }

        return Profile();
    }

    /// <inheritdoc />
    public async Task<AgentProfile> SetCapacity(int capacity)
    {
        EnsureExists();
        AgentRules.ValidateCapacity(capacity);
        if (capacity != S.Capacity)
        {
            S.Capacity = capacity;
            await state.WriteStateAsync();
            ReportPresence();
            ReportProfile();
            PublishAgentUpdated();
        }

        return Profile();
    }

    /// <summary>Going offline hands the conversations back: the router hears them in the offline report and
    /// re-queues them, so they are no longer this agent's.</summary>
    private async Task ChangeStatusAsync(AgentStatus status)
    {
        S.Status = status;
        var handedBack = S.Conversations.Keys.ToList();
        if (status == AgentStatus.Offline) S.Conversations.Clear();
        await state.WriteStateAsync();
        ReportPresence(handedBack);
        ReportProfile();
        PublishAgentUpdated();
        SchedulePresence();
    }

    private void Apply(AgentUpdate profile)
    {
        S.Email = profile.Email.Trim();
        S.Name = profile.Name.Trim();
        S.Role = profile.Role;
        S.Capacity = profile.Capacity;
        S.Groups = Groups(profile);
        if (profile.PasswordHash is not null) S.PasswordHash = profile.PasswordHash;
    }

    private static List<string> Groups(AgentUpdate profile) =>
        profile.Groups.IsDefault ? [] : [.. profile.Groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
