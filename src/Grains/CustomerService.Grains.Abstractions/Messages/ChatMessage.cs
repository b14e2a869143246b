using System.Collections.Immutable;
using CustomerService.Runtime;

namespace CustomerService.Grains;

/// <summary>A stored message of a conversation, exactly as it travels on the wire (DESIGN.md section 5).</summary>
/// <param name="Id">Unique, time-ordered message id.</param>
/// <param name="ConversationId">The conversation, <c>{tenant}/{id}</c>.</param>
/// <param name="Seq">The position in the conversation, from 1 without gaps; every participant sees this order.</param>
/// <param name="ClientMessageId">The sender's id for the send, which makes a retried send harmless.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Text">The text, never interpreted as markup.</param>
/// <param name="Attachments">Metadata of attached files; empty when there are none.</param>
/// <param name="Private">A private note: shown to agents only.</param>
/// <param name="SentAt">When it was stored.</param>
[Immutable]
[Alias("chatMessage")]
public sealed record ChatMessage(
    string Id,
    string ConversationId,
    long Seq,
    string ClientMessageId,
    MessageAuthor Author,
    string Text,
    ImmutableArray<Attachment> Attachments,
    bool Private,
    DateTimeOffset SentAt)
{
    /// <summary>The acknowledgement its sender got.</summary>
    public MessageAck ToAck() => new(Id, Seq, SentAt);
}
