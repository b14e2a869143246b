using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Tenants;

namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    /// <summary>How long the tenant's settings are used before they are read again.</summary>
    internal static readonly TimeSpan SettingsCacheAge = TimeSpan.FromSeconds(30);

    private TenantSettings? settings;
    private long settingsReadAt;

    /// <summary>What a conversation of a tenant that does not exist (never seeded) works with: no bot, no draft
    /// preview, sticky routing, no reassignment. The front-end refuses sessions of unknown tenants, so this is for
    /// tools and tests that talk to grains directly.</summary>
    internal static TenantSettings DefaultSettings(string tenant) => new(
        tenant, "#1f6feb", "", "", new PreChatForm(false, []), ["*"], "", DraftPreview: false, BotEnabled: false,
        new RoutingSettings(Sticky: true, UnansweredReassignAfterSeconds: 0), null);

    private string Tenant => conversationId[..conversationId.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The tenant's settings, read through <see cref="ITenantGrain.GetSettings"/> at most every
    /// <see cref="SettingsCacheAge"/> (conversation → tenant is an allowed direction for awaited calls).</summary>
    private async Task<TenantSettings> SettingsAsync()
    {
        if (settings is not null && time.GetElapsedTime(settingsReadAt) < SettingsCacheAge) return settings;
        try
        {
            settings = await GrainFactory.GetGrain<ITenantGrain>(Tenant).GetSettings();
        }
        catch (ChatException e) when (e.Code == ChatErrorCodes.NotFound)
        {
            settings = DefaultSettings(Tenant);
        }
        catch (Exception e)
        {
            // Unreachable or refusing (a malformed tenant id): go on with what we had, and ask again later.
            ConversationGrainLog.TenantUnavailable(logger, e, conversationId);
            settings ??= DefaultSettings(Tenant);
        }

        settingsReadAt = time.GetTimestamp();
        return settings;
    }

    [GeneratedRegex(@"(?<![\w@])@([A-Za-z0-9][A-Za-z0-9._-]{0,99})")]
    private static partial Regex MentionPattern();

    /// <summary>Agents named in a private note: <c>@id</c> or <c>@</c> and the local part of their email.</summary>
    private async Task NotifyMentionsAsync(ChatMessage note, Participant author)
    {
        var tokens = MentionPattern().Matches(note.Text).Select(m => m.Groups[1].Value.TrimEnd('.', '-', '_'))
            .Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (tokens.Count == 0) return;
        ImmutableArray<AgentProfile> agents;
        try
        {
            agents = await GrainFactory.GetGrain<ITenantGrain>(Tenant).ListAgents();
        }
        catch (Exception e)
        {
            ConversationGrainLog.TenantUnavailable(logger, e, conversationId);
            return;
        }

        var mention = new MentionEvent(conversationId, note.Id, note.Seq, author);
        foreach (var agent in agents)
        {
            var local = agent.Email.Split('@')[0];
            if (agent.Id == author.Id || !(tokens.Contains(agent.Id) || tokens.Contains(local))) continue;
            _ = GrainFactory.GetGrain<IAgentGrain>($"{Tenant}/{agent.Id}").Mentioned(mention);
        }
    }
}
