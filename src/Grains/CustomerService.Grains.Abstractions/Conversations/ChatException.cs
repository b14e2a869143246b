namespace CustomerService.Grains.Conversations;

/// <summary>A request the conversation refused; nothing was changed. <see cref="Code"/> is one of
/// <see cref="ChatErrorCodes"/> and travels to the caller with the exception (the runtime copies public settable
/// properties).</summary>
public sealed class ChatException : Exception
{
    /// <summary>Creates the exception with a code and a human message (which never contains message text).</summary>
    public ChatException(string code, string message) : base(message) => Code = code;

    /// <summary>Used by the runtime when it recreates the exception on the caller's side; it then sets
    /// <see cref="Code"/>.</summary>
    public ChatException(string message) : base(message)
    {
    }

    /// <summary>The stable error code, e.g. <c>invalid_argument</c>.</summary>
    public string Code { get; init; } = "";
}
