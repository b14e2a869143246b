using CustomerService.Bench.Relay.Auth;
using CustomerService.Bench.Relay.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CustomerService.Bench.Relay.Hubs;

/// <summary>
/// The visitor hub's message path. Events go out with SendAsync and the protocol's exact lower-case names
/// ("message"), which a strongly typed client interface would spell "Message".
/// </summary>
[Authorize]
public sealed class VisitorHub(RelayConversations conversations, IHubContext<AgentHub> agents, ConnectionCounter counter) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var (tenant, visitorId) = HubCaller.Require(Context, RelayToken.Visitor);
        counter.Connected();
        await Groups.AddToGroupAsync(Context.ConnectionId, RelayConversations.VisitorGroup(tenant, visitorId));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        counter.Disconnected();
        return Task.CompletedTask;
    }

    public async Task<Ack> SendMessage(VisitorSendRequest request)
    {
        var (tenant, visitorId) = HubCaller.Require(Context, RelayToken.Visitor);
        var (clientMessageId, text) = HubCaller.Validate(request.ClientMessageId, request.Text);
        var conversation = conversations.OpenFor(tenant, visitorId);
        var message = conversations.NewMessage(conversation, clientMessageId, new Participant("visitor", visitorId, "Visitor"), text);
        await agents.Clients.Group(conversation.AgentGroup).SendAsync(HubCaller.MessageEvent, message);
        // The visitor's other tabs see their own message too.
        await Clients.OthersInGroup(conversation.VisitorGroup).SendAsync(HubCaller.MessageEvent, message);
        return message.ToAck();
    }

    public WireConversation? GetConversation()
    {
        var (tenant, visitorId) = HubCaller.Require(Context, RelayToken.Visitor);
        return conversations.OfVisitor(tenant, visitorId)?.ToWire();
    }

    /// <summary>The widget calls it on every connect. The relay keeps no history, so the page is always empty: the
    /// call costs what the round trip costs, as a floor should.</summary>
    public IReadOnlyList<WireMessage> Resume(long lastSeq)
    {
        HubCaller.Require(Context, RelayToken.Visitor);
        return [];
    }
}
