using System.Collections.Immutable;
using CustomerService.Grains;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;

namespace CustomerService.WebFront.Hubs;

/// <summary>Grain keys are <c>{tenant}/{id}</c>; the wire carries ids without the tenant (docs/protocol.md).</summary>
public static class Wire
{
    /// <summary>The id without its tenant prefix.</summary>
    public static string Id(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? key : key[(slash + 1)..];
    }

    /// <summary>A message as clients see it.</summary>
    public static ChatMessage ToWire(this ChatMessage m) =>
        m with { ConversationId = Id(m.ConversationId), Attachments = m.Attachments.IsDefault ? [] : m.Attachments };

    /// <summary>Messages as clients see them.</summary>
    public static ImmutableArray<ChatMessage> ToWire(this ImmutableArray<ChatMessage> messages) =>
        messages.IsDefault ? [] : messages.Select(m => m.ToWire()).ToImmutableArray();

    /// <summary>A conversation as clients see it.</summary>
    public static ConversationView ToWire(this ConversationView v) => v with
    {
        Id = Id(v.Id),
        Labels = v.Labels.IsDefault ? [] : v.Labels,
        LastMessage = v.LastMessage?.ToWire(),
    };

    /// <summary>Conversations as clients see them.</summary>
    public static ImmutableArray<ConversationView> ToWire(this ImmutableArray<ConversationView> views) =>
        views.IsDefault ? [] : views.Select(v => v.ToWire()).ToImmutableArray();

    /// <summary>Events as clients see them.</summary>
    public static ReadEvent ToWire(this ReadEvent e) => e with { ConversationId = Id(e.ConversationId) };
    /// <inheritdoc cref="ToWire(ReadEvent)"/>
    public static TypingEvent ToWire(this TypingEvent e) => e with { ConversationId = Id(e.ConversationId) };
    /// <inheritdoc cref="ToWire(ReadEvent)"/>
    public static UnreadEvent ToWire(this UnreadEvent e) => e with { ConversationId = Id(e.ConversationId) };
    /// <inheritdoc cref="ToWire(ReadEvent)"/>
    public static QueueEvent ToWire(this QueueEvent e) => e with { ConversationId = Id(e.ConversationId) };
    /// <inheritdoc cref="ToWire(ReadEvent)"/>
    public static MentionEvent ToWire(this MentionEvent e) => e with { ConversationId = Id(e.ConversationId) };
    /// <inheritdoc cref="ToWire(ReadEvent)"/>
    public static AgentUnreadEvent ToWire(this AgentUnreadEvent e) => e with { ConversationId = Id(e.ConversationId) };
    /// <inheritdoc cref="ToWire(ReadEvent)"/>
    public static AgentProfile ToWire(this AgentProfile a) => a with { Groups = a.Groups.IsDefault ? [] : a.Groups };
}
