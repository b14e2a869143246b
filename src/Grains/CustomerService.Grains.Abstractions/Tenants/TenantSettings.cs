using System.Collections.Immutable;
using CustomerService.Runtime;

namespace CustomerService.Grains.Tenants;

/// <summary>A tenant's settings (the wire <c>tenantSettings</c>); the widget sees the public part only.</summary>
/// <param name="Name">Shown in the widget's header.</param>
/// <param name="PrimaryColor">The widget's theme colour, <c>#rrggbb</c>.</param>
/// <param name="Greeting">Shown when the widget opens; sent by the bot as the first reply when the bot is on.</param>
/// <param name="OfflineMessage">The reply a visitor gets when no agent is online.</param>
/// <param name="PreChatForm">The optional form before the first message.</param>
/// <param name="AllowedOrigins">Origins whose pages may open widget sessions; <c>*</c> allows any.</param>
/// <param name="IdentitySecret">The HMAC-SHA256 key of identity verification (<c>userHash</c>); admins only.</param>
/// <param name="DraftPreview">Agents see what the visitor is typing before it is sent.</param>
/// <param name="BotEnabled">The bot answers when no agent is online.</param>
/// <param name="Routing">Routing policy.</param>
/// <param name="BusinessHours">Free text shown with the offline form, e.g. "Mon–Fri 9–17 CET".</param>
[Immutable]
[Alias("tenantSettings")]
public sealed record TenantSettings(
    string Name,
    string PrimaryColor,
    string Greeting,
    string OfflineMessage,
    PreChatForm PreChatForm,
    ImmutableArray<string> AllowedOrigins,
    string IdentitySecret,
    bool DraftPreview,
    bool BotEnabled,
    RoutingSettings Routing,
    string? BusinessHours);

/// <summary>The pre-chat form: whether it is shown and which fields (<c>name</c>, <c>email</c>, <c>question</c>).</summary>
[Immutable]
[Alias("preChatForm")]
public sealed record PreChatForm(bool Enabled, ImmutableArray<string> Fields);

/// <summary>Routing policy: stick a returning visitor to their previous agent; reassign a conversation its agent
/// left unanswered this long (0: never).</summary>
[Immutable]
[Alias("routingSettings")]
public sealed record RoutingSettings(bool Sticky, int UnansweredReassignAfterSeconds);

/// <summary>A group of agents (e.g. "billing"); conversations can be routed and transferred to it.</summary>
[Immutable]
[Alias("agentGroup")]
public sealed record AgentGroup(string Id, string Name);

/// <summary>A canned reply an agent inserts by its shortcut.</summary>
[Immutable]
[Alias("cannedReply")]
public sealed record CannedReply(string Id, string Shortcut, string Text);
