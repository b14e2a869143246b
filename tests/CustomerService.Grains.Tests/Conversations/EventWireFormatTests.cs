using System.Text.Json;
using CustomerService.Grains.Conversations;
using CustomerService.Runtime;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>The event payloads have exactly the shapes of DESIGN.md section 5, so the web front-end can pass them on.</summary>
public sealed class EventWireFormatTests
{
    [Fact]
    public void EventsAreWrittenWithTheProtocolsCamelCaseNames()
    {
        Assert.Equal("""{"conversationId":"t/c","participant":{"kind":"agent","id":"a-1","name":"Alice"},"seq":4}""",
            JsonSerializer.Serialize(new ReadEvent("t/c", Agent, 4), ConversationJsonContext.Default.ReadEvent));
        Assert.Equal("""{"conversationId":"t/c","participant":{"kind":"visitor","id":"v-1","name":"Vera"},"isTyping":true}""",
            JsonSerializer.Serialize(new TypingEvent("t/c", Visitor, true), ConversationJsonContext.Default.TypingEvent));
        Assert.Equal("""{"conversationId":"t/c","position":3,"estimatedWaitSeconds":90}""",
            JsonSerializer.Serialize(new QueueEvent("t/c", 3, 90), ConversationJsonContext.Default.QueueEvent));
        Assert.Equal("\"resolved\"", JsonSerializer.Serialize(ConversationStatus.Resolved, ConversationJsonContext.Default.ConversationStatus));
        Assert.Equal("""{"conversationId":"t/c","count":2}""",
            JsonSerializer.Serialize(new UnreadEvent("t/c", 2), ConversationJsonContext.Default.UnreadEvent));
    }

    [Fact]
    public void ContractsCarryStableAliases()
    {
        Type[] types = [typeof(IConversationGrain), typeof(IConversationObserver), typeof(Participant), typeof(SendMessageCommand),
            typeof(ConversationSnapshot), typeof(ReadEvent), typeof(TypingEvent), typeof(ConversationView), typeof(QueueEvent), typeof(MentionEvent), typeof(UnreadEvent)];
        foreach (var type in types) Assert.NotNull(type.GetCustomAttributes(typeof(AliasAttribute), false).SingleOrDefault());
        foreach (var method in typeof(IConversationGrain).GetMethods().Concat(typeof(IConversationObserver).GetMethods()))
            Assert.NotNull(method.GetCustomAttributes(typeof(AliasAttribute), false).SingleOrDefault());
    }
}
