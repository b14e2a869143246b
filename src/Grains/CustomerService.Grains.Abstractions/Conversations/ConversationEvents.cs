using System.Text.Json.Serialization;
using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

/// <summary>The <c>read</c> event: <paramref name="Participant"/> has read up to <paramref name="Seq"/>.</summary>
[Immutable]
[Alias("readEvent")]
public sealed record ReadEvent(string ConversationId, Participant Participant, long Seq);

/// <summary>The <c>typing</c> event; not stored, best effort. <paramref name="Draft"/> is the visitor's unsent text,
/// sent to agents only and only when the tenant turned draft preview on.</summary>
[Immutable]
[Alias("typingEvent")]
public sealed record TypingEvent(string ConversationId, Participant Participant, bool IsTyping,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Draft = null);

/// <summary>The <c>unread</c> event: <c>{conversationId, count}</c> for one reader. Which reader is passed beside
/// it (see <see cref="IConversationObserver.Unread"/>), so the payload keeps the protocol's shape.</summary>
[Immutable]
[Alias("unreadEvent")]
public sealed record UnreadEvent(string ConversationId, long Count);

/// <summary>The visitor's <c>queue</c> event: their place in the queue (1 is next; 0 once no longer waiting) and an
/// estimate of the wait in seconds.</summary>
[Immutable]
[Alias("queueEvent")]
public sealed record QueueEvent(string ConversationId, int Position, int EstimatedWaitSeconds);

/// <summary>The agent's <c>mention</c> event: a private note named the agent with <c>@</c>.</summary>
[Immutable]
[Alias("mentionEvent")]
public sealed record MentionEvent(string ConversationId, string MessageId, long Seq, Participant By);
