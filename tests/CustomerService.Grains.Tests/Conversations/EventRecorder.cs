using CustomerService.Grains.Conversations;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>An unread event together with the reader it is for.</summary>
internal sealed record UnreadFor(Participant Reader, UnreadEvent Event);

/// <summary>A front-end's observer: records every event and lets a test wait for one that matches.</summary>
internal sealed class EventRecorder : EventLog, IConversationObserver
{
    public Task Message(ChatMessage message) => Add(message);

    public Task Read(ReadEvent read) => Add(read);

    public Task Typing(TypingEvent typing) => Add(typing);

    public Task ConversationUpdated(ConversationView conversation) => Add(conversation);

    public Task Queue(QueueEvent queue) => Add(queue);

    public Task Unread(Participant reader, UnreadEvent unread) => Add(new UnreadFor(reader, unread));
}
