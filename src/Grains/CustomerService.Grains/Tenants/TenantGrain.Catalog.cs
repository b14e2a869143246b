using System.Collections.Immutable;
using CustomerService.Grains.Agents;

namespace CustomerService.Grains.Tenants;

public sealed partial class TenantGrain
{
    private const int MaxGroups = 100;
    private const int MaxCannedReplies = 500;

    /// <inheritdoc />
    public Task<ImmutableArray<AgentGroup>> ListGroups()
    {
        Settings();
        return Task.FromResult<ImmutableArray<AgentGroup>>([.. S.Groups]);
    }

    /// <inheritdoc />
    public async Task<AgentGroup> SaveGroup(AgentGroup group)
    {
        Settings();
        if (group is null) throw Refuse.Invalid("group", "required.");
        group = group with { Id = string.IsNullOrEmpty(group.Id) ? Refuse.NewId(10) : group.Id, Name = group.Name?.Trim() ?? "" };
        Refuse.UrlSafeId("id", group.Id);
        Refuse.Length("name", group.Name, 1, 100);
        var index = S.Groups.FindIndex(g => g.Id == group.Id);
        if (index < 0 && S.Groups.Count >= MaxGroups) throw Refuse.Invalid("groups", $"at most {MaxGroups} groups.");
        if (S.Groups.Any(g => g.Id != group.Id && string.Equals(g.Name, group.Name, StringComparison.OrdinalIgnoreCase)))
            throw Refuse.Conflict("name", "another group has this name.");
        if (index < 0) S.Groups.Add(group);
        else S.Groups[index] = group;
        await state.WriteStateAsync();
        return group;
    }

    /// <inheritdoc />
    public async Task DeleteGroup(string groupId)
    {
        Settings();
        if (S.Groups.RemoveAll(g => g.Id == groupId) == 0) return;
        await state.WriteStateAsync();
        // Its members leave it, so the router stops matching them to a group that no longer exists.
        foreach (var member in S.Agents.Values.Where(a => a.Groups.Contains(groupId)).ToList())
        {
            var update = new AgentUpdate(member.Email, member.Name, member.Role, member.Capacity, member.Groups.Remove(groupId), PasswordHash: null);
            S.Agents[member.Id] = await GrainFactory.GetGrain<IAgentGrain>($"{tenantId}/{member.Id}").Update(update);
        }

        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<ImmutableArray<CannedReply>> ListCannedReplies()
    {
        Settings();
        return Task.FromResult<ImmutableArray<CannedReply>>([.. S.CannedReplies]);
    }

    /// <inheritdoc />
    public async Task<CannedReply> SaveCannedReply(CannedReply reply)
    {
        Settings();
        if (reply is null) throw Refuse.Invalid("cannedReply", "required.");
        reply = reply with { Id = string.IsNullOrEmpty(reply.Id) ? Refuse.NewId(10) : reply.Id, Shortcut = reply.Shortcut?.Trim() ?? "" };
        Refuse.UrlSafeId("id", reply.Id);
        Refuse.Length("shortcut", reply.Shortcut, 1, 40);
        if (reply.Shortcut.Any(char.IsWhiteSpace)) throw Refuse.Invalid("shortcut", "no spaces.");
        if (string.IsNullOrWhiteSpace(reply.Text)) throw Refuse.Invalid("text", "required.");
        Refuse.Length("text", reply.Text, 1, 2000);
        var index = S.CannedReplies.FindIndex(r => r.Id == reply.Id);
        if (index < 0 && S.CannedReplies.Count >= MaxCannedReplies) throw Refuse.Invalid("cannedReplies", $"at most {MaxCannedReplies}.");
        if (S.CannedReplies.Any(r => r.Id != reply.Id && string.Equals(r.Shortcut, reply.Shortcut, StringComparison.OrdinalIgnoreCase)))
            throw Refuse.Conflict("shortcut", "another canned reply has it.");
        if (index < 0) S.CannedReplies.Add(reply);
        else S.CannedReplies[index] = reply;
        await state.WriteStateAsync();
        return reply;
    }

    /// <inheritdoc />
    public async Task DeleteCannedReply(string replyId)
    {
        Settings();
        if (S.CannedReplies.RemoveAll(r => r.Id == replyId) > 0) await state.WriteStateAsync();
    }
}
