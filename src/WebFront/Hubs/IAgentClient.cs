using CustomerService.Grains;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;

namespace CustomerService.WebFront.Hubs;

// Method names are the protocol's event names exactly (docs/protocol.md), hence camelCase: Hub<T> sends the C# name.
#pragma warning disable IDE1006

/// <summary>The events a console connection receives.</summary>
public interface IAgentClient
{
    /// <summary>A new message in a conversation the connection opened.</summary>
    Task message(ChatMessage message);
    /// <summary>A read receipt.</summary>
    Task read(ReadEvent read);
    /// <summary>Someone is typing (with the visitor's draft when the tenant previews drafts).</summary>
    Task typing(TypingEvent typing);
    /// <summary>A conversation was assigned to this agent.</summary>
    Task conversationAssigned(ConversationView conversation);
    /// <summary>A conversation changed.</summary>
    Task conversationUpdated(ConversationView conversation);
    /// <summary>The agent's unread count in a conversation and in total.</summary>
    Task unread(AgentUnreadEvent unread);
    /// <summary>How many conversations wait.</summary>
    Task queue(QueueSizeEvent queue);
    /// <summary>A private note mentioned this agent.</summary>
    Task mention(MentionEvent mention);
    /// <summary>The agent's status or capacity changed (perhaps in another tab).</summary>
    Task agentUpdated(AgentProfile agent);
}
