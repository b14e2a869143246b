using System.Globalization;
using System.Text.Json;
using CustomerService.Grains.Conversations;

namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>Reads the console's list filter <c>{status?, assignee?, query?, before?, limit?}</c>.</summary>
internal static class ConversationFilters
{
    public static ConversationQuery Read(JsonElement? filter, string myAgentId)
    {
        var f = filter ?? default;
        if (f.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
            throw Payloads.Invalid("The filter must be an object {status?, assignee?, query?, before?, limit?}.");
        string? Get(string name) => f.ValueKind == JsonValueKind.Object ? Payloads.OptionalString(f, name) : null;
        var limit = 50;
        if (f.ValueKind == JsonValueKind.Object && f.TryGetProperty("limit", out var l) && l.ValueKind != JsonValueKind.Null)
            limit = l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var n) && n is >= 1 and <= 200 ? n : throw Payloads.Invalid("limit must be 1 to 200.");
        return Build(Get("status"), Get("assignee"), Get("label") ?? Get("query"), Get("before"), limit, myAgentId);
    }

    public static ConversationQuery Build(string? status, string? assignee, string? label, string? before, int limit, string myAgentId)
    {
        ConversationStatus? parsedStatus = status switch
        {
            null or "" => null,
            "open" => ConversationStatus.Open,
            "pending" => ConversationStatus.Pending,
            "snoozed" => ConversationStatus.Snoozed,
            "resolved" => ConversationStatus.Resolved,
            _ => throw Payloads.Invalid("status must be open, pending, snoozed or resolved."),
        };
        DateTimeOffset? parsedBefore = null;
        if (!string.IsNullOrEmpty(before))
            parsedBefore = DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var b) ? b : throw Payloads.Invalid("before must be an ISO-8601 time.");
        var unassigned = assignee == "unassigned";
        var assigneeId = assignee switch { null or "" or "unassigned" => null, "me" => myAgentId, _ => Payloads.Id(assignee, "assignee") };
        return new ConversationQuery(parsedStatus, assigneeId, unassigned, string.IsNullOrEmpty(label) ? null : label, parsedBefore, limit);
    }
}
