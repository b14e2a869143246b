using CustomerService.Runtime;

namespace CustomerService.Grains;

/// <summary>What the sender of a message gets back once the message is durable: <c>{id, seq, sentAt}</c>. Resending the
/// same client message id returns the same acknowledgement.</summary>
/// <param name="Id">The message id: unique and time-ordered.</param>
/// <param name="Seq">The message's position in its conversation, from 1 without gaps.</param>
/// <param name="SentAt">When the message was stored.</param>
[Immutable]
[Alias("messageAck")]
public sealed record MessageAck(string Id, long Seq, DateTimeOffset SentAt);
