namespace CustomerService.Bench.Relay.Conversations;

/// <summary>One conversation of the relay: who its visitor is and its seq counter. Nothing else is kept.</summary>
public sealed class RelayConversation(string tenant, string id, string visitorId, DateTime createdAt)
{
    private long _lastSeq;

    public string Tenant { get; } = tenant;
    public string Id { get; } = id;
    public string VisitorId { get; } = visitorId;
    public DateTime CreatedAt { get; } = createdAt;

    /// <summary>SignalR group of the agents that opened this conversation (on the agent hub).</summary>
    public string AgentGroup { get; } = $"{tenant}/{id}";

    /// <summary>SignalR group of the visitor's connections (on the visitor hub).</summary>
    public string VisitorGroup { get; } = RelayConversations.VisitorGroup(tenant, visitorId);

    public long LastSeq => Volatile.Read(ref _lastSeq);

    public long NextSeq() => Interlocked.Increment(ref _lastSeq);

    public WireConversation ToWire() => new(
        Id, "open", new Participant("visitor", VisitorId, "Visitor"), null, null, "none", [], LastSeq, 0, null,
        CreatedAt, null, null, null, null);
}
