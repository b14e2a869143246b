using CustomerService.Runtime;

namespace CustomerService.Grains;

/// <summary>The author of a message: <c>{kind, id, name}</c> on the wire.</summary>
/// <param name="Kind">Visitor, agent, bot or system.</param>
/// <param name="Id">The author's id within the tenant (visitor id, agent id, bot name).</param>
/// <param name="Name">The display name at the time of sending.</param>
[Immutable]
[Alias("messageAuthor")]
public sealed record MessageAuthor(AuthorKind Kind, string Id, string Name);
