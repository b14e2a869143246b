using CustomerService.Bench.Relay.Auth;
using CustomerService.Bench.Relay.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CustomerService.Bench.Relay.Hubs;

/// <summary>The agent hub's message path: any agent of the tenant may open any conversation of the tenant.</summary>
[Authorize]
public sealed class AgentHub(RelayConversations conversations, IHubContext<VisitorHub> visitors, ConnectionCounter counter) : Hub
{
    public override Task OnConnectedAsync()
    {
        HubCaller.Require(Context, RelayToken.Agent);
        counter.Connected();
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        counter.Disconnected();
        return Task.CompletedTask;
    }

    public async Task<OpenResult> Open(string conversationId)
    {
        var conversation = Find(conversationId);
        await Groups.AddToGroupAsync(Context.ConnectionId, conversation.AgentGroup);
        return new OpenResult(conversation.ToWire(), []);
    }

    /// <summary>The relay has no routing: taking a conversation changes nothing, it only answers as the server does.</summary>
    public WireConversation Accept(string conversationId) => Find(conversationId).ToWire();

    public Task Leave(string conversationId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, Find(conversationId).AgentGroup);

    public async Task<Ack> SendMessage(AgentSendRequest request)
    {
        var (_, agentId) = HubCaller.Require(Context, RelayToken.Agent);
        var conversation = Find(request.ConversationId);
        var (clientMessageId, text) = HubCaller.Validate(request.ClientMessageId, request.Text);
        var message = conversations.NewMessage(conversation, clientMessageId, new Participant("agent", agentId, "Agent"), text);
        await visitors.Clients.Group(conversation.VisitorGroup).SendAsync(HubCaller.MessageEvent, message);
        await Clients.OthersInGroup(conversation.AgentGroup).SendAsync(HubCaller.MessageEvent, message);
        return message.ToAck();
    }

    private RelayConversation Find(string? conversationId)
    {
        var (tenant, _) = HubCaller.Require(Context, RelayToken.Agent);
        if (string.IsNullOrEmpty(conversationId)) throw new HubException("invalid_argument: conversationId is required");
        return conversations.Find(tenant, conversationId) ?? throw new HubException("not_found: no such conversation");
    }
}
