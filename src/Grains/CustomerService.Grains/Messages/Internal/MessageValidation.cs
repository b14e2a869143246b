namespace CustomerService.Grains.Messages.Internal;

/// <summary>Argument checks shared by the store's operations; every message says what was wrong and what is allowed.</summary>
internal static class MessageValidation
{
    public const int MaxIdLength = 200;
    public const int MaxQueryLength = 200;

    /// <summary>Checks a conversation id (<c>{tenant}/{id}</c>) and returns its tenant.</summary>
    public static string TenantOf(string? conversationId, string parameterName = "conversationId")
    {
        if (string.IsNullOrWhiteSpace(conversationId))
            throw new ArgumentException("The conversation id is empty; it must be '{tenant}/{id}'.", parameterName);
        if (conversationId.Length > MaxIdLength)
            throw new ArgumentException($"The conversation id is {conversationId.Length} characters long; at most {MaxIdLength} are allowed.", parameterName);
        var slash = conversationId.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == conversationId.Length - 1)
            throw new ArgumentException($"The conversation id '{conversationId}' is not '{{tenant}}/{{id}}'.", parameterName);
        return conversationId[..slash];
    }

    public static void Limit(int limit, string parameterName = "limit")
    {
        if (limit is < 1 or > IMessageStore.MaxPageSize)
            throw new ArgumentException($"The limit is {limit}; it must be between 1 and {IMessageStore.MaxPageSize}.", parameterName);
    }

    public static void Tenant(string? tenant)
    {
        if (string.IsNullOrWhiteSpace(tenant) || tenant.Contains('/', StringComparison.Ordinal) || tenant.Length > MaxIdLength)
            throw new ArgumentException($"The tenant '{tenant}' is empty, contains '/', or is longer than {MaxIdLength} characters.", nameof(tenant));
    }

    /// <summary>Checks a message to append and returns its tenant.</summary>
    public static string NewMessage(NewMessage? message, MessageStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        var tenant = TenantOf(message.ConversationId, nameof(message));
        if (message.Seq < 1)
            throw new ArgumentException($"The seq is {message.Seq}; sequence numbers start at 1.", nameof(message));
        if (string.IsNullOrWhiteSpace(message.ClientMessageId) || message.ClientMessageId.Length > MaxIdLength)
            throw new ArgumentException($"The client message id is empty or longer than {MaxIdLength} characters.", nameof(message));
        if (message.Author is null || string.IsNullOrWhiteSpace(message.Author.Id) || message.Author.Name is null || !Enum.IsDefined(message.Author.Kind))
            throw new ArgumentException("The author is missing, has no id or name, or has an unknown kind.", nameof(message));
        if (message.Text is null)
            throw new ArgumentException("The text is null; use an empty string for a message with attachments only.", nameof(message));
        if (message.Text.Length > options.MaxTextLength)
            throw new ArgumentException($"The text is {message.Text.Length} characters long; at most {options.MaxTextLength} are allowed ({MessageStoreOptions.SectionName}:{nameof(options.MaxTextLength)}).", nameof(message));
        var attachments = message.Attachments.IsDefault ? 0 : message.Attachments.Length;
        if (attachments > options.MaxAttachments)
            throw new ArgumentException($"The message has {attachments} attachments; at most {options.MaxAttachments} are allowed.", nameof(message));
        if (attachments == 0 && string.IsNullOrWhiteSpace(message.Text))
            throw new ArgumentException("The message has neither text nor attachments.", nameof(message));
        if (attachments > 0 && message.Attachments.Any(a => a is null))
            throw new ArgumentException("An attachment is null.", nameof(message));
        return tenant;
    }
}
