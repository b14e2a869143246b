using System.Globalization;

namespace CustomerService.Grains.Conversations;

/// <summary>The value of the status register: <c>open</c>, <c>pending</c>, <c>snoozed|{until ms}</c> or
/// <c>resolved|{at ms}</c>. The time travels in the same register as the status so that a merge can never pair a
/// status with another write's time. <c>closed</c> (written before statuses existed) reads as resolved.</summary>
internal readonly record struct StatusValue(ConversationStatus Status, DateTimeOffset? At)
{
    public static StatusValue Parse(string? value)
    {
        if (value is null) return new(ConversationStatus.Open, null);
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        var name = bar < 0 ? value : value[..bar];
        DateTimeOffset? at = bar < 0 || !long.TryParse(value.AsSpan(bar + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? null
            : DateTimeOffset.FromUnixTimeMilliseconds(ms);
        var status = name switch
        {
            "pending" => ConversationStatus.Pending,
            "snoozed" => ConversationStatus.Snoozed,
            "resolved" or "closed" => ConversationStatus.Resolved,
            _ => ConversationStatus.Open,
        };
        return new(status, at);
    }

    public override string ToString()
    {
        var name = Status switch
        {
            ConversationStatus.Pending => "pending",
            ConversationStatus.Snoozed => "snoozed",
            ConversationStatus.Resolved => "resolved",
            _ => "open",
        };
        return At is { } at ? $"{name}|{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}" : name;
    }
}
