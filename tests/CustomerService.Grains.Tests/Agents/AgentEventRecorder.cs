using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;

namespace CustomerService.Grains.Tests.Agents;

/// <summary>An agent console's observer: records every event; a test waits for one that matches.</summary>
internal sealed class AgentEventRecorder : EventLog, IAgentObserver
{
    public Task ConversationAssigned(ConversationView conversation) => Add(new Assigned(conversation));

    public Task ConversationUpdated(ConversationView conversation) => Add(conversation);

    public Task Unread(AgentUnreadEvent unread) => Add(unread);

    public Task Queue(QueueSizeEvent queue) => Add(queue);

    public Task Mention(MentionEvent mention) => Add(mention);

    public Task AgentUpdated(AgentProfile agent) => Add(agent);
}

/// <summary>A <c>conversationAssigned</c> event (told apart from <c>conversationUpdated</c>, same payload).</summary>
internal sealed record Assigned(ConversationView Conversation);
