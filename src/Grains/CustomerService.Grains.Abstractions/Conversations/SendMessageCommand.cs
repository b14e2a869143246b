using System.Collections.Immutable;
using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

/// <summary>A message to send: <c>{clientMessageId, text, attachments?, private?}</c>.</summary>
/// <param name="ClientMessageId">The sender's id for this send; resending it returns the first acknowledgement.</param>
/// <param name="Text">The text; may be empty only when there are attachments.</param>
/// <param name="Attachments">Metadata of uploaded files; default or empty for none.</param>
/// <param name="Private">A private note: agents only, never shown to the visitor.</param>
[Immutable]
[Alias("sendMessageCommand")]
public sealed record SendMessageCommand(
    string ClientMessageId,
    string Text,
    ImmutableArray<Attachment> Attachments = default,
    bool Private = false);
