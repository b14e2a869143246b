using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Messages;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;
using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Visitors;

/// <summary>The visitor grain (see <see cref="IVisitorGrain"/>).</summary>
[Alias("visitor")]
public sealed class VisitorGrain : Grain, IVisitorGrain
{
    private const int MaxUrlLength = 2000;
    private const int MaxDeviceLength = 300;

    private readonly IPersistentState<VisitorState> state;
    private readonly VisitorOptions options;
    private readonly TimeProvider time;
    // Widget connections by id with the time they were last renewed; memory only, widgets renew them.
    private readonly Dictionary<string, DateTimeOffset> connections = new(StringComparer.Ordinal);
    private string tenantId = "";
    private string visitorId = "";

    /// <summary>Created by the runtime.</summary>
    public VisitorGrain([PersistentState("visitor")] IPersistentState<VisitorState> state, IOptions<VisitorOptions> options, TimeProvider time)
    {
        this.state = state;
        this.options = options.Value;
        this.time = time;
    }

    private VisitorState S => state.State;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1 || key.Length > 200)
            throw new ChatException(ChatErrorCodes.InvalidArgument, $"The visitor key '{key}' is not '{{tenant}}/{{visitorId}}'.");
        tenantId = key[..slash];
        visitorId = key[(slash + 1)..];
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<VisitorProfile> Identify(VisitorSession session)
    {
        if (session is null) throw Refuse.Invalid("session", "required.");
        Refuse.Length("name", session.Name, 0, 100);
        if (session.Email is { Length: > 0 } email) AgentRules.ValidateEmail(email);
        Refuse.Length("userId", session.UserId, 0, 200);

        if (!string.IsNullOrWhiteSpace(session.Name)) S.Name = session.Name.Trim();
        if (!string.IsNullOrWhiteSpace(session.Email)) S.Email = session.Email.Trim();
        if (!string.IsNullOrEmpty(session.UserId))
        {
            // A verified identity is replaced only by another verified one: an unverified claim could be anyone's.
            if (session.Verified) (S.UserId, S.Verified) = (session.UserId, true);
            else if (!S.Verified) S.UserId = session.UserId;
        }

        // Collected by the widget, not typed: cut rather than refuse.
        if (session.Page is not null) S.Page = Cut(session.Page, MaxUrlLength);
        if (session.Referrer is not null) S.Referrer = Cut(session.Referrer, MaxUrlLength);
        if (session.Device is not null) S.Device = Cut(session.Device, MaxDeviceLength);
        await state.WriteStateAsync();
        return Profile();
    }

    /// <inheritdoc />
    public Task<VisitorProfile> GetProfile() => Task.FromResult(Profile());

    /// <inheritdoc />
    public async Task<string> GetOrOpenConversation()
    {
        if (S.ConversationId is null)
        {
            // Time-ordered, so a tenant's conversation ids sort by when they began.
            S.ConversationId = $"{tenantId}/{new MessageIdGenerator(time).Next()}";
            await state.WriteStateAsync();
        }

        return S.ConversationId;
    }

    /// <inheritdoc />
    public Task Connect(string connectionId)
    {
        Refuse.Length("connectionId", connectionId, 1, 200);
        var now = time.GetUtcNow();
        foreach (var expired in connections.Where(c => now - c.Value >= options.ConnectionExpiry).Select(c => c.Key).ToList())
            connections.Remove(expired);
        connections[connectionId] = now;
        while (connections.Count > options.MaxConnections)
            connections.Remove(connections.MinBy(c => c.Value).Key);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Disconnect(string connectionId)
    {
        if (connectionId is not null) connections.Remove(connectionId);
        return Task.CompletedTask;
    }

    private bool Online()
    {
        var now = time.GetUtcNow();
        return connections.Values.Any(renewed => now - renewed < options.ConnectionExpiry);
    }

    private VisitorProfile Profile() =>
        new(visitorId, S.Name, S.Email, S.UserId, S.Verified, S.Page, S.Referrer, S.Device, Online(), S.ConversationId);

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
