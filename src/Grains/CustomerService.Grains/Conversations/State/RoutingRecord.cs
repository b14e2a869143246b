using CustomerService.Grains.Crdt;

namespace CustomerService.Grains.Conversations;

/// <summary>The router's last decision as the conversation applied it. Two copies merge by the router's version
/// (the router's later decision wins), then by stamp (a local change such as resolving keeps the version).</summary>
/// <param name="State">None, queued, assigned or bot.</param>
/// <param name="Assignee">The agent answering it, while assigned.</param>
/// <param name="Group">The group it is routed to.</param>
/// <param name="Version">The router version of the decision applied last.</param>
/// <param name="PreviousAgentId">The last agent it was assigned to (sticky routing); never cleared.</param>
/// <param name="AssignedAt">When the current assignee got it.</param>
/// <param name="Stamp">When this copy was written.</param>
public sealed record RoutingRecord(
    RoutingState State,
    Participant? Assignee,
    string? Group,
    long Version,
    string? PreviousAgentId,
    DateTimeOffset? AssignedAt,
    HybridTimestamp Stamp)
{
    /// <summary>The copy holding the later decision.</summary>
    public static RoutingRecord? Merge(RoutingRecord? mine, RoutingRecord? stored)
    {
        if (mine is null) return stored;
        if (stored is null) return mine;
        if (mine.Version != stored.Version) return mine.Version > stored.Version ? mine : stored;
        return mine.Stamp >= stored.Stamp ? mine : stored;
    }
}

/// <summary>The visitor's rating as stored: ordered (score, then comment) only to break ties in an LWW register.</summary>
public sealed record StoredRating(int Score, string? Comment) : IComparable<StoredRating>
{
    /// <inheritdoc />
    public int CompareTo(StoredRating? other) => other is null ? 1 :
        Score != other.Score ? Score.CompareTo(other.Score) : string.CompareOrdinal(Comment, other.Comment);
}
