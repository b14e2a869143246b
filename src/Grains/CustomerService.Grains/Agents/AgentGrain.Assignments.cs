using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tenants;

namespace CustomerService.Grains.Agents;

public sealed partial class AgentGrain
{
    /// <inheritdoc />
    public async Task<bool> TryAssign(ConversationView conversation, bool force)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (!conversation.Id.StartsWith(tenantId + "/", StringComparison.Ordinal))
            throw Refuse.Invalid("conversation", $"'{conversation.Id}' is not a conversation of tenant '{tenantId}'.");
        if (!S.Exists) return false;
        if (!S.Conversations.ContainsKey(conversation.Id))
        {
            // The authoritative capacity check: the router's view of this agent may be a moment old.
            if (!force && (S.Status != AgentStatus.Online || S.Conversations.Count >= S.Capacity)) return false;
            S.Conversations[conversation.Id] = Math.Max(0, conversation.Unread);
            await state.WriteStateAsync();
            ReportPresence();
        }

        observers.Notify(o => o.ConversationAssigned(conversation));
        return true;
    }

    /// <inheritdoc />
    public async Task Unassigned(string conversationId)
    {
        if (conversationId is null || !S.Conversations.Remove(conversationId, out var unread)) return;
        await state.WriteStateAsync();
        ReportPresence();
        if (unread != 0) PublishUnread(conversationId, 0);
    }

    /// <inheritdoc />
    public Task UnreadChanged(string conversationId, long count)
    {
        // The total counts assigned conversations only; a conversation the agent merely watches reports its count
        // to the agent's front-end itself.
        if (conversationId is null || !S.Conversations.TryGetValue(conversationId, out var previous)) return Task.CompletedTask;
        count = Math.Max(0, count);
        if (count == previous) return Task.CompletedTask;
        // Derived from the conversation's read state (its G-counters and read marks), so not written here: the next
        // write of this state (an assignment, a status change, deactivation) carries it, and a new activation asks
        // its conversations again (RebuildUnread) in case a crash lost it.
        S.Conversations[conversationId] = count;
        PublishUnread(conversationId, count);
        return Task.CompletedTask;
    }

    /// <summary>Asks each assigned conversation for this agent's unread count there (one-way; the answers come as
    /// <see cref="UnreadChanged"/>), since the stored counts may predate a crash.</summary>
    private void RebuildUnread()
    {
        if (!S.Exists) return;
        foreach (var conversationId in S.Conversations.Keys)
        {
            try
            {
                _ = GrainFactory.GetGrain<IConversationGrain>(conversationId).ReportUnread(agentId);
            }
            catch (Exception exception)
            {
                AgentGrainLog.ReportFailed(logger, exception, tenantId, agentId, "conversation");
            }
        }
    }

    /// <inheritdoc />
    public Task ConversationChanged(ConversationView conversation)
    {
        if (conversation is not null && S.Conversations.ContainsKey(conversation.Id))
            observers.Notify(o => o.ConversationUpdated(conversation));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Mentioned(MentionEvent mention)
    {
        if (mention is not null && S.Exists) observers.Notify(o => o.Mention(mention));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task QueueChanged(int waiting)
    {
        var queue = new QueueSizeEvent(Math.Max(0, waiting));
        observers.Notify(o => o.Queue(queue));
        return Task.CompletedTask;
    }
}
