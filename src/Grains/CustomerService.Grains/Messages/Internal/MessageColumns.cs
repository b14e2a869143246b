using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;

namespace CustomerService.Grains.Messages.Internal;

/// <summary>The columns of the messages table, in the order inserts bind them and reads select them.</summary>
internal static class MessageColumns
{
    public static readonly string[] Names =
    [
        "id", "tenant", "conversation_id", "seq", "client_message_id", "author_kind", "author_id", "author_name",
        "text", "attachments", "private", "sent_at",
    ];

    public static string Select(string alias) => string.Join(", ", Names.Select(name => $"{alias}.{name}"));

    public static object[] Values(ChatMessage message, string tenant) =>
    [
        message.Id, tenant, message.ConversationId, message.Seq, message.ClientMessageId, KindName(message.Author.Kind),
        message.Author.Id, message.Author.Name, message.Text,
        JsonSerializer.Serialize(message.Attachments, GrainsJsonContext.Default.ImmutableArrayAttachment),
        message.Private, message.SentAt.UtcTicks,
    ];

    public static ChatMessage Read(DbDataReader reader)
    {
        var attachments = JsonSerializer.Deserialize(reader.GetString(9), GrainsJsonContext.Default.ImmutableArrayAttachment);
        return new ChatMessage(
            Id: reader.GetString(0),
            ConversationId: reader.GetString(2),
            Seq: reader.GetInt64(3),
            ClientMessageId: reader.GetString(4),
            Author: new MessageAuthor(ParseKind(reader.GetString(5)), reader.GetString(6), reader.GetString(7)),
            Text: reader.GetString(8),
            Attachments: attachments.IsDefault ? ImmutableArray<Attachment>.Empty : attachments,
            Private: reader.GetBoolean(10),
            SentAt: new DateTimeOffset(reader.GetInt64(11), TimeSpan.Zero));
    }

    // The wire names, so that the table reads like the protocol and renaming an enum member breaks nothing stored.
    private static string KindName(AuthorKind kind) => kind switch
    {
        AuthorKind.Visitor => "visitor",
        AuthorKind.Agent => "agent",
        AuthorKind.Bot => "bot",
        AuthorKind.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown author kind."),
    };

    private static AuthorKind ParseKind(string name) => name switch
    {
        "visitor" => AuthorKind.Visitor,
        "agent" => AuthorKind.Agent,
        "bot" => AuthorKind.Bot,
        "system" => AuthorKind.System,
        _ => throw new InvalidDataException($"Unknown author kind '{name}' in the message store."),
    };
}
