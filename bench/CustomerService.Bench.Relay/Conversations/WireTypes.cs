namespace CustomerService.Bench.Relay.Conversations;

// The wire shapes of docs/protocol.md (serialized camelCase by SignalR's and minimal APIs' JSON defaults).

public sealed record Participant(string Kind, string Id, string Name);

public sealed record Ack(string Id, long Seq, DateTime SentAt);

public sealed record WireMessage(
    string Id,
    string ConversationId,
    long Seq,
    string ClientMessageId,
    Participant Author,
    string Text,
    IReadOnlyList<object> Attachments,
    bool Private,
    DateTime SentAt);

public sealed record WireConversation(
    string Id,
    string Status,
    Participant? Visitor,
    Participant? Assignee,
    string? Group,
    string Routing,
    IReadOnlyList<string> Labels,
    long LastSeq,
    int Unread,
    WireMessage? LastMessage,
    DateTime CreatedAt,
    DateTime? FirstResponseAt,
    DateTime? ResolvedAt,
    DateTime? SnoozedUntil,
    object? Rating);

public sealed record OpenResult(WireConversation Conversation, IReadOnlyList<WireMessage> Messages);

public sealed record VisitorSendRequest(string? ClientMessageId, string? Text);

public sealed record AgentSendRequest(string? ConversationId, string? ClientMessageId, string? Text);
