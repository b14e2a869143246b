using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

/// <summary>Someone acting on a conversation: <c>{kind, id, name}</c> on the wire. The hub builds it from the
/// connection's claims, never from call arguments.</summary>
/// <param name="Kind">Visitor, agent, bot or system.</param>
/// <param name="Id">The id within the tenant (visitor id, agent id, bot name).</param>
/// <param name="Name">The display name; stamped on the messages this participant writes.</param>
[Immutable]
[Alias("participant")]
public sealed record Participant(AuthorKind Kind, string Id, string Name)
{
    /// <summary>The participant as the author of a message.</summary>
    public MessageAuthor ToAuthor() => new(Kind, Id, Name);
}
