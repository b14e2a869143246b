using System.Collections.Immutable;
using System.Text.Json;
using CustomerService.Grains;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Runtime;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Files;
using CustomerService.WebFront.Hubs.Internal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hubs;

/// <summary><c>/hubs/agent</c>: the console's hub. The agent and tenant come from the agent token; every
/// conversation id is turned into the key <c>{tenant}/{id}</c> of the agent's own tenant, so no argument reaches
/// another tenant.</summary>
[Authorize(Policy = AuthExtensions.AgentPolicy)]
internal sealed partial class AgentHub(
    IGrainFactory grains, FeedRegistry feeds, ConnectionPresence presence, FileStore files, IOptions<HubLimits> limits, OwnSends ownSends)
    : Hub<IAgentClient>
{
    private Participant Me => Context.User!.ToParticipant();
    private IAgentGrain Agent => grains.GetGrain<IAgentGrain>(Context.User!.SubjectKey());
    private string Key(string conversationId) => $"{Context.User!.TenantId()}/{Payloads.Id(conversationId)}";
    private IConversationGrain Conversation(string conversationId) => grains.GetGrain<IConversationGrain>(Key(conversationId));

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        await presence.ConnectAgentAsync(Context.User!.SubjectKey(), Context.ConnectionId);
        await feeds.JoinAgentAsync(Context.User!.SubjectKey(), Context.ConnectionId);
        // Follow the conversations already assigned to the agent, so their messages arrive without Open.
        foreach (var assigned in await Agent.GetConversations())
        {
            if (!assigned.ConversationId.StartsWith(Context.User!.TenantId() + "/", StringComparison.Ordinal)) continue;
            try { await feeds.JoinAgentConversationAsync(assigned.ConversationId, Me, Context.ConnectionId); }
            catch (ChatException) { /* gone or not yet visible: Open still works */ }
        }
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await feeds.LeaveAllAsync(Context.ConnectionId);
        await presence.DisconnectAsync(Context.ConnectionId);
    }

    /// <summary>Sets online, away or offline.</summary>
    public async Task<AgentProfile> SetStatus(string status) => (await Agent.SetStatus(status switch
    {
        "online" => AgentStatus.Online,
        "away" => AgentStatus.Away,
        "offline" => AgentStatus.Offline,
        _ => throw Payloads.Invalid("status must be online, away or offline."),
    })).ToWire();

    /// <summary>Sets how many conversations the agent takes at once (1..50).</summary>
    public async Task<AgentProfile> SetCapacity(int capacity) =>
        capacity is < 1 or > 50 ? throw Payloads.Invalid("capacity must be 1 to 50.") : (await Agent.SetCapacity(capacity)).ToWire();

    /// <summary><c>{status?, assignee?, query?, before?, limit?}</c> → conversations, most recently active first.</summary>
    public async Task<ImmutableArray<ConversationView>> ListConversations(JsonElement? filter)
    {
        var query = ConversationFilters.Read(filter, Context.User!.SubjectId());
        var list = await grains.GetGrain<IConversationListGrain>(Context.User!.TenantId()).List(query);
        return (await list.WithUnreadOfAsync(Agent)).ToWire();
    }

    /// <summary>Follows a conversation: its events reach this connection until <see cref="Leave"/>; returns the
    /// conversation and its newest messages.</summary>
    public async Task<OpenedConversation> Open(string conversationId)
    {
        var key = Key(conversationId);
        await feeds.JoinAgentConversationAsync(key, Me, Context.ConnectionId);
        try
        {
            var conversation = grains.GetGrain<IConversationGrain>(key);
            var view = await conversation.GetView(Me);
            var messages = await conversation.GetHistory(Me, null, 50);
            return new OpenedConversation(view.ToWire(), messages.ToWire());
        }
        catch
        {
            await feeds.LeaveAgentConversationAsync(key, Context.ConnectionId);
            throw;
        }
    }

    /// <summary>Stops following a conversation.</summary>
    public Task Leave(string conversationId) => feeds.LeaveAgentConversationAsync(Key(conversationId), Context.ConnectionId);

    /// <summary>Takes a queued conversation.</summary>
    public async Task<ConversationView> Accept(string conversationId) => (await Conversation(conversationId).Accept(Me)).ToWire();

    /// <summary><c>{conversationId, clientMessageId, text, attachments?, private?}</c> → ack, once durable.</summary>
    public async Task<MessageAck> SendMessage(JsonElement message)
    {
        var send = await Payloads.ReadSendAsync(message, withConversation: true, limits.Value, files, Context.User!.TenantId());
        var key = Key(send.ConversationId!);
        return await ownSends.TrackAsync(FeedRegistry.AgentConversationId(key), send.Command.ClientMessageId, Context.ConnectionId,
            () => grains.GetGrain<IConversationGrain>(key).SendMessage(Me, send.Command));
    }
}

/// <summary>The result of <c>Open</c>: <c>{conversation, messages}</c>.</summary>
public sealed record OpenedConversation(ConversationView Conversation, ImmutableArray<ChatMessage> Messages);
