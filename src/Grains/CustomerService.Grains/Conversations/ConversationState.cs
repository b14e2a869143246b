using System.Collections.Immutable;
using CustomerService.Grains.Crdt;

namespace CustomerService.Grains.Conversations;

/// <summary>The persistent state of a conversation. Every part merges with another copy of itself (written by a
/// second activation in between) without losing anything; see <see cref="Merge"/>.</summary>
public sealed class ConversationState
{
    /// <summary>The owning visitor: the first visitor whose message was stored.</summary>
    public Participant? Visitor { get; set; }

    /// <summary>Agents who have acted, by id (a grow-only set).</summary>
    public ImmutableSortedDictionary<string, Participant> Agents { get; set; } =
        ImmutableSortedDictionary.Create<string, Participant>(StringComparer.Ordinal);

    /// <summary>The status (see <see cref="StatusValue"/>), last writer wins; null until first changed (that is: open).</summary>
    public LwwRegister<string>? Status { get; set; }

    /// <summary>The highest seq this state knows was stored.</summary>
    public long LastSeq { get; set; }

    /// <summary>Message counters per author side and read marks per reader (DESIGN.md section 4).</summary>
    public ReadState Reads { get; set; } = ReadState.Empty;

    /// <summary>The router's decision applied last.</summary>
    public RoutingRecord? Routing { get; set; }

    /// <summary>Labels, each an LWW register (true: present), so an add and a remove of one label merge by time.</summary>
    public ImmutableSortedDictionary<string, LwwRegister<bool>> Labels { get; set; } =
        ImmutableSortedDictionary.Create<string, LwwRegister<bool>>(StringComparer.Ordinal);

    /// <summary>When the first visitor message was stored.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When an agent first answered (a message that is not a private note).</summary>
    public DateTimeOffset? FirstResponseAt { get; set; }

    /// <summary>The visitor's rating, last writer wins.</summary>
    public LwwRegister<StoredRating>? Rating { get; set; }

    /// <summary>The time of the oldest visitor message no agent has answered since; null when answered.</summary>
    public DateTimeOffset? UnansweredSince { get; set; }

    /// <summary>When an agent last answered (a grow-only maximum).</summary>
    public DateTimeOffset? LastReplyAt { get; set; }

    /// <summary>The bot has sent the tenant's greeting.</summary>
    public bool BotGreeted { get; set; }

    /// <summary>The state that holds what both copies hold. The visitor is the one stored first (the store's seq
    /// fencing lets only one activation's first message win, and that one wrote or will write the same visitor).</summary>
    public static ConversationState Merge(ConversationState mine, ConversationState stored)
    {
        var lastReply = Max(mine.LastReplyAt, stored.LastReplyAt);
        return new()
        {
            Visitor = stored.Visitor ?? mine.Visitor,
            Agents = stored.Agents.SetItems(mine.Agents.Where(a => !stored.Agents.ContainsKey(a.Key))),
            Status = MergeRegister(mine.Status, stored.Status),
            LastSeq = Math.Max(mine.LastSeq, stored.LastSeq),
            Reads = mine.Reads.Merge(stored.Reads),
            Routing = RoutingRecord.Merge(mine.Routing, stored.Routing),
            Labels = MergeLabels(mine.Labels, stored.Labels),
            CreatedAt = Min(mine.CreatedAt, stored.CreatedAt),
            FirstResponseAt = Min(mine.FirstResponseAt, stored.FirstResponseAt),
            Rating = MergeRegister(mine.Rating, stored.Rating),
            // Still unanswered only if some copy saw a visitor message after the latest reply either copy saw.
            UnansweredSince = Min(After(mine.UnansweredSince, lastReply), After(stored.UnansweredSince, lastReply)),
            LastReplyAt = lastReply,
            BotGreeted = mine.BotGreeted || stored.BotGreeted,
        };
    }

    private static LwwRegister<T>? MergeRegister<T>(LwwRegister<T>? mine, LwwRegister<T>? stored) where T : IComparable<T> =>
        (mine, stored) switch
        {
            (null, var s) => s,
            (var m, null) => m,
            var (m, s) => m.Merge(s),
        };

    private static ImmutableSortedDictionary<string, LwwRegister<bool>> MergeLabels(
        ImmutableSortedDictionary<string, LwwRegister<bool>> mine, ImmutableSortedDictionary<string, LwwRegister<bool>> stored)
    {
        var merged = stored;
        foreach (var (label, register) in mine)
            merged = merged.SetItem(label, stored.TryGetValue(label, out var other) ? register.Merge(other) : register);
        return merged;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTimeOffset? After(DateTimeOffset? time, DateTimeOffset? reply) => time is { } t && (reply is null || t > reply) ? t : null;
}
