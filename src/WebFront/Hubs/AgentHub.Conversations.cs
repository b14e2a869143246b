using System.Collections.Immutable;
using System.Text.Json;
using CustomerService.Grains;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Visitors;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Hubs.Internal;

namespace CustomerService.WebFront.Hubs;

internal sealed partial class AgentHub
{
    /// <summary>Marks the visitor's messages up to <paramref name="seq"/> read.</summary>
    public Task MarkRead(string conversationId, long seq) => Conversation(conversationId).MarkRead(Me, seq);

    /// <summary>Counts the newest message unread again.</summary>
    public Task MarkUnread(string conversationId) => Conversation(conversationId).MarkUnread(Me);

    /// <summary>Tells the others the agent is typing.</summary>
    public Task Typing(string conversationId, bool isTyping) => Conversation(conversationId).Typing(Me, isTyping);

    /// <summary>Hands the conversation to <c>{agentId}</c> or <c>{groupId}</c>.</summary>
    public async Task<ConversationView> Transfer(string conversationId, JsonElement target) =>
        (await Conversation(conversationId).Transfer(Me, Payloads.ReadTransfer(target))).ToWire();

    /// <summary>Sets open, pending, snoozed (until <paramref name="snoozedUntil"/>) or resolved.</summary>
    public async Task<ConversationView> SetConversationStatus(string conversationId, string status, DateTimeOffset? snoozedUntil)
    {
        var parsed = status switch
        {
            "open" => ConversationStatus.Open,
            "pending" => ConversationStatus.Pending,
            "snoozed" => ConversationStatus.Snoozed,
            "resolved" => ConversationStatus.Resolved,
            _ => throw Payloads.Invalid("status must be open, pending, snoozed or resolved."),
        };
        return (await Conversation(conversationId).SetStatus(Me, parsed, snoozedUntil)).ToWire();
    }

    /// <summary>Resolves the conversation.</summary>
    public async Task<ConversationView> Close(string conversationId)
    {
        var conversation = Conversation(conversationId);
        await conversation.Close(Me);
        return (await conversation.GetView(Me)).ToWire();
    }

    /// <summary>Reopens the conversation.</summary>
    public async Task<ConversationView> Reopen(string conversationId)
    {
        var conversation = Conversation(conversationId);
        await conversation.Reopen(Me);
        return (await conversation.GetView(Me)).ToWire();
    }

    /// <summary>Adds a label.</summary>
    public async Task<ConversationView> AddLabel(string conversationId, string label) =>
        (await Conversation(conversationId).AddLabel(Me, label)).ToWire();

    /// <summary>Removes a label.</summary>
    public async Task<ConversationView> RemoveLabel(string conversationId, string label) =>
        (await Conversation(conversationId).RemoveLabel(Me, label)).ToWire();

    /// <summary>Messages after <paramref name="lastSeq"/>, ascending, up to 200.</summary>
    public async Task<ImmutableArray<ChatMessage>> Resume(string conversationId, long lastSeq) =>
        (await Conversation(conversationId).Resume(Me, lastSeq, 200)).ToWire();

    /// <summary>Messages before <paramref name="beforeSeq"/> (the newest when null), ascending.</summary>
    public async Task<ImmutableArray<ChatMessage>> GetHistory(string conversationId, long? beforeSeq, int limit) =>
        (await Conversation(conversationId).GetHistory(Me, beforeSeq, limit)).ToWire();

    /// <summary>What is known about the conversation's visitor.</summary>
    public async Task<VisitorDetails> GetVisitor(string conversationId)
    {
        var view = await Conversation(conversationId).GetView(Me);
        if (view.Visitor is null) throw new ChatException(ChatErrorCodes.NotFound, "The conversation has no visitor yet.");
        var p = await grains.GetGrain<IVisitorGrain>($"{Context.User!.TenantId()}/{view.Visitor.Id}").GetProfile();
        return new VisitorDetails(p.Id, p.Name, p.Email, p.UserId, p.Verified, p.Page, p.Referrer, p.Device, p.Online);
    }
}

/// <summary>The result of <c>GetVisitor</c>.</summary>
public sealed record VisitorDetails(string Id, string? Name, string? Email, string? UserId, bool Verified,
    string? Page, string? Referrer, string? Device, bool Online);
