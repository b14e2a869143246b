using System.Collections.Immutable;
using CustomerService.Grains.Agents;

namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    // The newest messages this activation stored or sent, for views; memory only ("when at hand").
    private ChatMessage? lastMessage;
    private ChatMessage? lastPublicMessage;

    private StatusValue CurrentStatus => StatusValue.Parse(S.Status?.Value);

    private Participant? Assignee => S.Routing is { State: RoutingState.Assigned } r ? r.Assignee : null;

    /// <inheritdoc />
    public Task<ConversationView> GetView(Participant participant)
    {
        Authorize(participant);
        return Task.FromResult(ViewFor(participant));
    }

    /// <summary>The view for <paramref name="reader"/> (null: no unread count). A visitor's view holds nothing
    /// private: no labels, no private note as the last message.</summary>
    private ConversationView ViewFor(Participant? reader)
    {
        var status = CurrentStatus;
        var visitor = reader?.Kind == AuthorKind.Visitor;
        var unread = reader is not null && ConversationRules.IsReader(reader) ? UnreadOf(reader) : 0;
        var labels = visitor ? [] : S.Labels.Where(l => l.Value.Value).Select(l => l.Key).ToImmutableArray();
        var routing = S.Routing;
        var rating = S.Rating?.Value is { } r ? new ConversationRating(r.Score, r.Comment) : null;
        return new ConversationView(
            conversationId,
            status.Status,
            S.Visitor,
            routing?.Assignee,
            routing?.Group,
            routing?.State ?? RoutingState.None,
            labels,
            S.LastSeq,
            unread,
            visitor ? lastPublicMessage : lastMessage,
            S.CreatedAt,
            S.FirstResponseAt,
            status.Status == ConversationStatus.Resolved ? status.At ?? DateTimeOffset.FromUnixTimeMilliseconds(S.Status!.Stamp.WallMs) : null,
            status.Status == ConversationStatus.Snoozed ? status.At : null,
            rating);
    }

    private void RememberMessage(ChatMessage message)
    {
        if (lastMessage is null || message.Seq >= lastMessage.Seq) lastMessage = message;
        if (!message.Private && (lastPublicMessage is null || message.Seq >= lastPublicMessage.Seq)) lastPublicMessage = message;
    }

    /// <summary>Tells every observer (each with its own participant's view), the assignee's agent grain and the
    /// conversation index that the conversation changed.</summary>
    private void PublishUpdated()
    {
        agentObservers.Notify(o => o.ConversationUpdated(ViewFor(watchers.GetValueOrDefault(o))));
        var visitorView = ViewFor(S.Visitor);
        visitorObservers.Notify(o => o.ConversationUpdated(visitorView));
        // The agent who resolved it (or had it) hears of the resolution and of a later rating too.
        if ((Assignee ?? (IsClosed ? S.Routing?.Assignee : null)) is { } agent) _ = AgentOf(agent).ConversationChanged(ViewFor(agent));
        UpdateIndex();
    }

    /// <inheritdoc />
    public Task ReportUnread(string agentId)
    {
        if (agentId is not null && Assignee?.Id == agentId) NotifyAssigneeUnread();
        return Task.CompletedTask;
    }

    /// <summary>The assignee's unread count, for its agent grain's total.</summary>
    private void NotifyAssigneeUnread()
    {
        if (Assignee is { } assignee) _ = AgentOf(assignee).UnreadChanged(conversationId, UnreadOf(assignee));
    }

    private IAgentGrain AgentOf(Participant agent) => GrainFactory.GetGrain<IAgentGrain>($"{Tenant}/{agent.Id}");
}
