using System.Collections.Concurrent;

namespace CustomerService.Bench.Relay.Conversations;

/// <summary>The relay's only state: conversations by visitor and by id, in memory, one per visitor.</summary>
public sealed class RelayConversations(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RelayConversation> _byVisitor = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RelayConversation> _byId = new(StringComparer.Ordinal);

    public static string VisitorGroup(string tenant, string visitorId) => $"{tenant}/v/{visitorId}";

    /// <summary>The visitor's conversation, or null before their first message (as on the real server).</summary>
    public RelayConversation? OfVisitor(string tenant, string visitorId) =>
        _byVisitor.TryGetValue($"{tenant}/{visitorId}", out var c) ? c : null;

    public RelayConversation? Find(string tenant, string conversationId) =>
        _byId.TryGetValue($"{tenant}/{conversationId}", out var c) ? c : null;

    /// <summary>The visitor's first message opens their conversation.</summary>
    public RelayConversation OpenFor(string tenant, string visitorId)
    {
        var conversation = _byVisitor.GetOrAdd(
            $"{tenant}/{visitorId}",
            static (_, s) => new RelayConversation(s.tenant, Guid.CreateVersion7().ToString("N"), s.visitorId, s.now),
            (tenant, visitorId, now: time.GetUtcNow().UtcDateTime));
        _byId.TryAdd($"{tenant}/{conversation.Id}", conversation);
        return conversation;
    }

    public WireMessage NewMessage(RelayConversation conversation, string clientMessageId, Participant author, string text) =>
        new(Guid.CreateVersion7().ToString("N"), conversation.Id, conversation.NextSeq(), clientMessageId, author, text,
            [], false, time.GetUtcNow().UtcDateTime);
}
