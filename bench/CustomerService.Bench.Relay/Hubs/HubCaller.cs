using System.Security.Claims;
using CustomerService.Bench.Relay.Auth;
using CustomerService.Bench.Relay.Conversations;
using Microsoft.AspNetCore.SignalR;

namespace CustomerService.Bench.Relay.Hubs;

/// <summary>Who is calling, from the connection's claims (never from arguments), and the protocol's error codes.</summary>
internal static class HubCaller
{
    public const string MessageEvent = "message";
    public const int MaxTextLength = 4000;

    public static (string Tenant, string Id) Require(HubCallerContext context, char kind)
    {
        var user = context.User;
        if (user?.FindFirstValue(RelayTokenHandler.KindClaim) != kind.ToString())
            throw new HubException("forbidden: this hub is not for this token");
        return (user.FindFirstValue(RelayTokenHandler.TenantClaim)!, user.FindFirstValue(ClaimTypes.NameIdentifier)!);
    }

    public static (string ClientMessageId, string Text) Validate(string? clientMessageId, string? text)
    {
        if (string.IsNullOrEmpty(clientMessageId) || clientMessageId.Length > 100)
            throw new HubException("invalid_argument: clientMessageId must be 1 to 100 characters");
        if (string.IsNullOrWhiteSpace(text)) throw new HubException("invalid_argument: text is empty");
        if (text.Length > MaxTextLength) throw new HubException($"too_large: text is longer than {MaxTextLength} characters");
        return (clientMessageId, text);
    }

    public static Ack ToAck(this WireMessage message) => new(message.Id, message.Seq, message.SentAt);
}
