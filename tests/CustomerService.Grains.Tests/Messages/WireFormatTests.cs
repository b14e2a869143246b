using System.Text.Json;

namespace CustomerService.Grains.Tests.Messages;

public sealed class WireFormatTests
{
    [Fact]
    public void AChatMessageIsWrittenWithTheProtocolsCamelCaseNames()
    {
        var message = new ChatMessage("01J0000000000000000000000A", "acme/c1", 7, "cm-1",
            new MessageAuthor(AuthorKind.Agent, "a1", "Ann"), "hi", [new Attachment("f1", "a.png", "image/png", 10, "/f/f1")],
            Private: true, new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(message, GrainsJsonContext.Default.ChatMessage));
        var root = json.RootElement;

        Assert.Equal(["id", "conversationId", "seq", "clientMessageId", "author", "text", "attachments", "private", "sentAt"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("agent", root.GetProperty("author").GetProperty("kind").GetString());
        Assert.Equal(["id", "fileName", "contentType", "size", "url"], root.GetProperty("attachments")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void AMessageAckRoundTripsAsIdSeqAndSentAt()
    {
        var ack = new MessageAck("01J0000000000000000000000A", 3, new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

        var text = JsonSerializer.Serialize(ack, GrainsJsonContext.Default.MessageAck);

        Assert.Equal("""{"id":"01J0000000000000000000000A","seq":3,"sentAt":"2026-11-21T09:00:00+00:00"}""", text);
        Assert.Equal(ack, JsonSerializer.Deserialize(text, GrainsJsonContext.Default.MessageAck));
    }

    [Fact]
    public void WireTypesCarryAStableAliasAndAreMarkedImmutable()
    {
        foreach (var type in new[] { typeof(ChatMessage), typeof(MessageAck), typeof(MessageAuthor), typeof(Attachment) })
        {
            Assert.NotNull(type.GetCustomAttributes(typeof(Runtime.AliasAttribute), false).SingleOrDefault());
            Assert.NotNull(type.GetCustomAttributes(typeof(Runtime.ImmutableAttribute), false).SingleOrDefault());
        }
    }
}
