using CustomerService.Grains.Conversations;
using CustomerService.Runtime;

namespace CustomerService.Grains.Agents;

/// <summary>Receives one agent's events; the front-end maps each method onto the SignalR event of the same name, to
/// every connection of that agent.</summary>
[Alias("agentObserver")]
public interface IAgentObserver : IGrainObserver
{
    /// <summary>The <c>conversationAssigned</c> event.</summary>
    [OneWay, Alias("conversationAssigned")]
    Task ConversationAssigned(ConversationView conversation);

    /// <summary>The <c>conversationUpdated</c> event for a conversation assigned to the agent.</summary>
    [OneWay, Alias("conversationUpdated")]
    Task ConversationUpdated(ConversationView conversation);

    /// <summary>The <c>unread</c> event: <c>{conversationId, count, total}</c>.</summary>
    [OneWay, Alias("unread")]
    Task Unread(AgentUnreadEvent unread);

    /// <summary>The <c>queue</c> event: <c>{waiting}</c>.</summary>
    [OneWay, Alias("queue")]
    Task Queue(QueueSizeEvent queue);

    /// <summary>The <c>mention</c> event.</summary>
    [OneWay, Alias("mention")]
    Task Mention(MentionEvent mention);

    /// <summary>The <c>agentUpdated</c> event: status or capacity changed (perhaps from another tab).</summary>
    [OneWay, Alias("agentUpdated")]
    Task AgentUpdated(AgentProfile agent);
}
