using CustomerService.Grains.Routing;

namespace CustomerService.Grains.Conversations;

// Contract landed ahead of its implementation (issue #4, in progress on a branch).
public sealed partial class ConversationGrain
{
    /// <inheritdoc />
    public Task<ConversationView> SetStatus(Participant participant, ConversationStatus status, DateTimeOffset? snoozedUntil) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<ConversationView> Accept(Participant agent) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<ConversationView> Transfer(Participant participant, TransferTarget target) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<ConversationView> AddLabel(Participant participant, string label) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<ConversationView> RemoveLabel(Participant participant, string label) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task Rate(Participant visitor, int score, string? comment) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task ApplyRouting(RoutingOutcome outcome) => throw new NotImplementedException();
}
