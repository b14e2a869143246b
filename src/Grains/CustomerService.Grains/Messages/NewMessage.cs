using System.Collections.Immutable;

namespace CustomerService.Grains.Messages;

/// <summary>A message to append. The store assigns its id and time; the caller (the conversation grain) proposes the
/// sequence number, which the database accepts only if no other message of the conversation holds it.</summary>
/// <param name="ConversationId">The conversation, <c>{tenant}/{id}</c>; the part before the first '/' is the tenant.</param>
/// <param name="Seq">The proposed sequence number: the conversation's current maximum plus one.</param>
/// <param name="ClientMessageId">The sender's id for this send; a resend with the same id stores nothing new.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Text">The text; empty only when there are attachments.</param>
/// <param name="Attachments">Attachment metadata; default or empty for none.</param>
/// <param name="Private">A private note (agents only); stored like any message.</param>
public sealed record NewMessage(
    string ConversationId,
    long Seq,
    string ClientMessageId,
    MessageAuthor Author,
    string Text,
    ImmutableArray<Attachment> Attachments = default,
    bool Private = false);
