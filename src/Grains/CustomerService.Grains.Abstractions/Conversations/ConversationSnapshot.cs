using System.Collections.Immutable;
using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

/// <summary>What a front-end shows when it opens a conversation, as seen by one participant.</summary>
/// <param name="ConversationId">The conversation, <c>{tenant}/{id}</c>.</param>
/// <param name="Status">Open or closed.</param>
/// <param name="Participants">The owning visitor (if any) and every agent who has acted on it.</param>
/// <param name="LastSeq">The seq of the newest message (0: none); a client resumes from its own last seq up to it.</param>
/// <param name="Unread">How many messages the asking participant has not read (0 for bots and the system).</param>
[Immutable]
[Alias("conversationSnapshot")]
public sealed record ConversationSnapshot(
    string ConversationId,
    ConversationStatus Status,
    ImmutableArray<Participant> Participants,
    long LastSeq,
    long Unread);
