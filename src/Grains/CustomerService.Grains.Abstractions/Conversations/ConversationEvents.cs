using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

/// <summary>The <c>read</c> event: <paramref name="Participant"/> has read up to <paramref name="Seq"/>.</summary>
[Immutable]
[Alias("readEvent")]
public sealed record ReadEvent(string ConversationId, Participant Participant, long Seq);

/// <summary>The <c>typing</c> event; not stored, best effort.</summary>
[Immutable]
[Alias("typingEvent")]
public sealed record TypingEvent(string ConversationId, Participant Participant, bool IsTyping);

/// <summary>The <c>conversationUpdated</c> event: the status changed, by <paramref name="By"/>.</summary>
[Immutable]
[Alias("conversationUpdatedEvent")]
public sealed record ConversationUpdatedEvent(string ConversationId, ConversationStatus Status, Participant By);

/// <summary>The <c>unread</c> event: <c>{conversationId, count}</c> for one reader. Which reader is passed beside
/// it (see <see cref="IConversationObserver.Unread"/>), so the payload keeps the protocol's shape.</summary>
[Immutable]
[Alias("unreadEvent")]
public sealed record UnreadEvent(string ConversationId, long Count);
