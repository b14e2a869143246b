using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using CustomerService.Grains;
using CustomerService.Grains.Conversations;
using CustomerService.WebFront.Files;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>Reads hub payloads that arrive as raw JSON, so that a missing field or a wrong type is refused with
/// <c>invalid_argument</c> (and an oversized one with <c>too_large</c>) instead of SignalR's generic binding error.</summary>
internal static class Payloads
{
    public sealed record Send(string? ConversationId, SendMessageCommand Command);

    public static async Task<Send> ReadSendAsync(JsonElement payload, bool withConversation, HubLimits limits, FileStore files, string tenant)
    {
        if (payload.ValueKind != JsonValueKind.Object) throw Invalid("The message must be an object {clientMessageId, text, attachments?}.");
        var conversationId = withConversation ? Id(RequiredString(payload, "conversationId"), "conversationId") : null;
        var clientMessageId = RequiredString(payload, "clientMessageId");
        if (clientMessageId.Length is 0 or > 100) throw Invalid("clientMessageId must have 1 to 100 characters.");
        var text = OptionalString(payload, "text") ?? "";
        if (Encoding.UTF8.GetByteCount(text) > limits.MaxTextBytes)
            throw new ChatException(ChatErrorCodes.TooLarge, $"The text is longer than {limits.MaxTextBytes} bytes.");
        var isPrivate = false;
        if (payload.TryGetProperty("private", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw Invalid("private must be true or false.");
            isPrivate = p.GetBoolean();
        }

        var attachments = await ReadAttachmentsAsync(payload, files, tenant);
        if (text.Length == 0 && attachments.IsEmpty) throw Invalid("A message needs text or an attachment.");
        return new Send(conversationId, new SendMessageCommand(clientMessageId, text, attachments, isPrivate));
    }

    public static TransferTarget ReadTransfer(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) throw Invalid("The target must be an object {agentId?, groupId?}.");
        var agent = OptionalString(payload, "agentId");
        var group = OptionalString(payload, "groupId");
        if ((agent is null) == (group is null)) throw Invalid("Name exactly one of agentId and groupId.");
        return new TransferTarget(agent is null ? null : Id(agent, "agentId"), group is null ? null : Id(group, "groupId"));
    }

    public static string Id(string? id, string name = "conversationId") =>
        TenantIds.IsValidId(id) ? id! : throw Invalid($"{name} must have 1 to 100 characters without '/' or spaces.");

    public static ChatException Invalid(string message) => new(ChatErrorCodes.InvalidArgument, message);

    public static string RequiredString(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Invalid($"{name} is required and must be a string.");

    public static string? OptionalString(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw Invalid($"{name} must be a string.");
    }

    private static async Task<ImmutableArray<Attachment>> ReadAttachmentsAsync(JsonElement payload, FileStore files, string tenant)
    {
        if (!payload.TryGetProperty("attachments", out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array) throw Invalid("attachments must be an array.");
        if (list.GetArrayLength() > 10) throw new ChatException(ChatErrorCodes.TooLarge, "At most 10 attachments per message.");
        var result = ImmutableArray.CreateBuilder<Attachment>();
        foreach (var item in list.EnumerateArray())
        {
            // Only the id is taken from the client: name, type, size and url come from the upload this tenant stored.
            var id = item.ValueKind == JsonValueKind.Object ? OptionalString(item, "id") : null;
            var found = id is null ? null : await files.FindAsync(tenant, id);
            result.Add(found?.Attachment ?? throw Invalid("An attachment is not an upload of this tenant: upload it first and pass what the upload returned."));
        }

        return result.ToImmutable();
    }
}
