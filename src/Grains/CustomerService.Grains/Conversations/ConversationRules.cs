using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CustomerService.Grains.Conversations;

/// <summary>Argument checks and read-state vocabulary of a conversation. Checks throw <see cref="ChatException"/>
/// before anything changes.</summary>
internal static class ConversationRules
{
    /// <summary>The read-state side of private notes: no reader counts them, so a note never shows as unread, and
    /// in particular never in the visitor's count.</summary>
    public const string NoteSide = "note";

    private static readonly FrozenSet<string> Hidden = FrozenSet.Create(StringComparer.Ordinal, NoteSide);

    public static IReadOnlySet<string> HiddenSides => Hidden;

    public static string SideOf(AuthorKind kind) => kind switch
    {
        AuthorKind.Visitor => "visitor",
        AuthorKind.Agent => "agent",
        AuthorKind.Bot => "bot",
        _ => "system",
    };

    public static string SideOf(AuthorKind kind, bool isPrivate) => isPrivate ? NoteSide : SideOf(kind);

    /// <summary>Readers are keyed by kind and id, so a visitor and an agent that share an id never share a mark.</summary>
    public static string ReaderKey(Participant participant) => $"{SideOf(participant.Kind)}:{participant.Id}";

    public static bool IsReader(Participant participant) => participant.Kind is AuthorKind.Visitor or AuthorKind.Agent;

    public static void CheckParticipant([NotNull] Participant? participant)
    {
        if (participant is null || string.IsNullOrWhiteSpace(participant.Id) || participant.Name is null || !Enum.IsDefined(participant.Kind))
            throw new ChatException(ChatErrorCodes.InvalidArgument, "The participant is missing, has no id or name, or has an unknown kind.");
        if (participant.Id.Length > 200 || participant.Name.Length > 200)
            throw new ChatException(ChatErrorCodes.TooLarge, "The participant's id or name is longer than 200 characters.");
    }

    public static void CheckCommand(SendMessageCommand? command, Participant author, ConversationOptions options)
    {
        if (command is null) throw new ChatException(ChatErrorCodes.InvalidArgument, "The message is missing.");
        if (string.IsNullOrWhiteSpace(command.ClientMessageId))
            throw new ChatException(ChatErrorCodes.InvalidArgument, "The client message id is empty.");
        if (command.ClientMessageId.Length > options.MaxClientMessageIdLength)
            throw new ChatException(ChatErrorCodes.TooLarge, $"The client message id is longer than {options.MaxClientMessageIdLength} characters.");
        var attachments = command.Attachments.IsDefault ? 0 : command.Attachments.Length;
        if (attachments > options.MaxAttachments)
            throw new ChatException(ChatErrorCodes.TooLarge, $"The message has {attachments} attachments; at most {options.MaxAttachments} are allowed.");
        if (attachments > 0 && command.Attachments.Any(a => a is null))
            throw new ChatException(ChatErrorCodes.InvalidArgument, "An attachment is missing.");
        if (command.Text is null || (attachments == 0 && string.IsNullOrWhiteSpace(command.Text)))
            throw new ChatException(ChatErrorCodes.InvalidArgument, "The message has no text.");
        var bytes = Encoding.UTF8.GetByteCount(command.Text);
        if (bytes > options.MaxTextBytes)
            throw new ChatException(ChatErrorCodes.TooLarge, $"The text is {bytes} bytes long; at most {options.MaxTextBytes} are allowed.");
        if (command.Private && author.Kind != AuthorKind.Agent)
            throw new ChatException(ChatErrorCodes.Forbidden, "Only agents write private notes.");
    }

    public static void CheckLimit(int limit)
    {
        if (limit is < 1 or > 200)
            throw new ChatException(ChatErrorCodes.InvalidArgument, $"The limit is {limit}; it must be between 1 and 200.");
    }
}
