using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

/// <summary>Receives a conversation's events; the web front-end maps each method one-to-one onto the SignalR event
/// of the same name. Calls are one-way and best effort: a client that sees a gap in seq, or reconnects, calls
/// <see cref="IConversationGrain.Resume"/>.</summary>
[Alias("conversationObserver")]
public interface IConversationObserver : IGrainObserver
{
    /// <summary>The <c>message</c> event. Observers subscribed for a visitor never receive private notes.</summary>
    [OneWay, Alias("message")]
    Task Message(ChatMessage message);

    /// <summary>The <c>read</c> event (a read receipt).</summary>
    [OneWay, Alias("read")]
    Task Read(ReadEvent read);

    /// <summary>The <c>typing</c> event.</summary>
    [OneWay, Alias("typing")]
    Task Typing(TypingEvent typing);

    /// <summary>The <c>conversationUpdated</c> event: status, assignee, labels or rating changed. The view's unread
    /// count is the subscribed participant's.</summary>
    [OneWay, Alias("conversationUpdated")]
    Task ConversationUpdated(ConversationView conversation);

    /// <summary>The visitor's <c>queue</c> event (position and estimated wait); sent to visitor observers only.</summary>
    [OneWay, Alias("queue")]
    Task Queue(QueueEvent queue);

    /// <summary>The visitor's <c>unread</c> event (<paramref name="reader"/> is the visitor), sent to observers
    /// subscribed for the visitor only. An agent's counts come from the agent's grain (<c>IAgentObserver.Unread</c>,
    /// with the total over its assigned conversations) and from reading the conversation.</summary>
    [OneWay, Alias("unread")]
    Task Unread(Participant reader, UnreadEvent unread);
}
