using CustomerService.Grains;
using CustomerService.Grains.Conversations;

namespace CustomerService.WebFront.Hubs;

// Method names are the protocol's event names exactly (docs/protocol.md), hence camelCase: Hub<T> sends the C# name.
#pragma warning disable IDE1006

/// <summary>The events a widget connection receives.</summary>
public interface IVisitorClient
{
    /// <summary>A new message (never a private note).</summary>
    Task message(ChatMessage message);
    /// <summary>A read receipt.</summary>
    Task read(ReadEvent read);
    /// <summary>Someone is typing (never with a draft).</summary>
    Task typing(TypingEvent typing);
    /// <summary>Assignment, transfer, status or rating changed.</summary>
    Task conversationUpdated(ConversationView conversation);
    /// <summary>The visitor's unread count.</summary>
    Task unread(UnreadEvent unread);
    /// <summary>The visitor's place in the queue.</summary>
    Task queue(QueueEvent queue);
}
