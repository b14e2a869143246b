using System.Collections.Immutable;
using System.Text.Json;
using CustomerService.Grains;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Visitors;
using CustomerService.Runtime;
using CustomerService.WebFront.Auth;
using CustomerService.WebFront.Files;
using CustomerService.WebFront.Hosting;
using CustomerService.WebFront.Hubs.Internal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CustomerService.WebFront.Hubs;

/// <summary><c>/hubs/visitor</c>: the widget's hub. The visitor and tenant come from the visitor token; the
/// conversation is the visitor's own (<see cref="IVisitorGrain.GetOrOpenConversation"/>), so no argument can name
/// another. Its policy also checks the page's origin against the tenant's allowed origins.</summary>
[Authorize(Policy = AuthExtensions.WidgetConnectionPolicy)]
internal sealed class VisitorHub : Hub<IVisitorClient>
{
    private readonly IGrainFactory grains;
    private readonly FeedRegistry feeds;
    private readonly ConnectionPresence presence;
    private readonly FileStore files;
    private readonly HubLimits limits;
    private readonly GrainMode mode;
    private readonly OwnSends ownSends;

    public VisitorHub(
        IGrainFactory grains, FeedRegistry feeds, ConnectionPresence presence, FileStore files, IOptions<HubLimits> limits, GrainMode mode,
        OwnSends ownSends)
    {
        this.ownSends = ownSends;
        this.grains = grains;
        this.mode = mode;
        this.feeds = feeds;
        this.presence = presence;
        this.files = files;
        this.limits = limits.Value;
    }

    private Participant Me => Context.User!.ToParticipant();
    private IVisitorGrain Visitor => grains.GetGrain<IVisitorGrain>(Context.User!.SubjectKey());
    private IConversationGrain Conversation => grains.GetGrain<IConversationGrain>(ConversationKey);
    private string ConversationKey => ConnectionState.Of(Context).ConversationKey!;

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        // A visitor who never had a conversation (a first page view) gets one opened now, with no message in it: no
        // event can happen in it until this visitor writes, so its feed waits for the first SendMessage instead of
        // keeping a conversation activation and an observer for every idle widget (bench/README.md, connection
        // scaling). A visitor who already had one is subscribed at once, as another tab may be writing in it. Only in
        // embedded mode: there every tab of the visitor is on this process and shares the feed that the first send
        // wakes; in a cluster a tab on another front-end could write first, and this one would never hear it.
        var visitor = Visitor;
        var dormant = !mode.IsCluster && (await visitor.GetProfile()).ConversationId is null;
        var key = await visitor.GetOrOpenConversation();
        ConnectionState.Of(Context).ConversationKey = key;
        await presence.ConnectVisitorAsync(Context.User!.SubjectKey(), Context.ConnectionId);
        await feeds.JoinVisitorConversationAsync(key, Me, Context.ConnectionId, subscribe: !dormant);
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await feeds.LeaveAllAsync(Context.ConnectionId);
        await presence.DisconnectAsync(Context.ConnectionId);
    }

    /// <summary><c>{clientMessageId, text, attachments?}</c> → ack, once durable.</summary>
    public async Task<MessageAck> SendMessage(JsonElement message)
    {
        var send = await Payloads.ReadSendAsync(message, withConversation: false, limits, files, Context.User!.TenantId());
        // Subscribed before the send (a no-op once subscribed), so that a first message wakes a dormant feed in time
        // for the visitor's other tabs and the answers to it.
        var feedId = FeedRegistry.VisitorConversationId(ConversationKey);
        await feeds.EnsureSubscribedAsync(feedId);
        return await ownSends.TrackAsync(feedId, send.Command.ClientMessageId, Context.ConnectionId, () => Conversation.SendMessage(Me, send.Command));
    }

    // Before the visitor's first message the conversation does not exist yet: reading it gives nothing and marking
    // or typing in it does nothing, as the widget expects on a first visit.

    /// <summary>Marks the agents' messages up to <paramref name="seq"/> read.</summary>
    public Task MarkRead(long seq) => UnlessNew(Conversation.MarkRead(Me, seq));

    /// <summary>Tells the agents the visitor is typing; <paramref name="draft"/> reaches them only with draft preview.</summary>
    public Task Typing(bool isTyping, string? draft) =>
        UnlessNew(Conversation.Typing(Me, isTyping, draft is { Length: > 0 } && draft.Length <= limits.MaxTextBytes ? draft : null));

    /// <summary>Messages after <paramref name="lastSeq"/>, ascending, up to 200.</summary>
    public async Task<ImmutableArray<ChatMessage>> Resume(long lastSeq) => await NoneIfNew(Conversation.Resume(Me, lastSeq, 200));

    /// <summary>Messages before <paramref name="beforeSeq"/> (the newest when null), ascending.</summary>
    public async Task<ImmutableArray<ChatMessage>> GetHistory(long? beforeSeq, int limit) =>
        await NoneIfNew(Conversation.GetHistory(Me, beforeSeq, limit));

    /// <summary>The conversation, or null before the first message.</summary>
    public async Task<ConversationView?> GetConversation()
    {
        try
        {
            return (await Conversation.GetView(Me)).ToWire();
        }
        catch (ChatException e) when (e.Code == ChatErrorCodes.NotFound)
        {
            return null;
        }
    }

    private static async Task UnlessNew(Task call)
    {
        try { await call; }
        catch (ChatException e) when (e.Code == ChatErrorCodes.NotFound) { }
    }

    private static async Task<ImmutableArray<ChatMessage>> NoneIfNew(Task<ImmutableArray<ChatMessage>> call)
    {
        try { return (await call).ToWire(); }
        catch (ChatException e) when (e.Code == ChatErrorCodes.NotFound) { return []; }
    }

    /// <summary>Rates the resolved conversation 1..5.</summary>
    public Task Rate(int score, string? comment) => Conversation.Rate(Me, score, comment);
}
