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

    /// <summary>The status, last writer wins; null until first closed or reopened (that is: open).</summary>
    public LwwRegister<string>? Status { get; set; }

    /// <summary>The highest seq this state knows was stored.</summary>
    public long LastSeq { get; set; }

    /// <summary>Message counters per author side and read marks per reader (DESIGN.md section 4).</summary>
    public ReadState Reads { get; set; } = ReadState.Empty;

    /// <summary>The state that holds what both copies hold. The visitor is the one stored first (the store's seq
    /// fencing lets only one activation's first message win, and that one wrote or will write the same visitor).</summary>
    public static ConversationState Merge(ConversationState mine, ConversationState stored) => new()
    {
        Visitor = stored.Visitor ?? mine.Visitor,
        Agents = stored.Agents.SetItems(mine.Agents.Where(a => !stored.Agents.ContainsKey(a.Key))),
        Status = (mine.Status, stored.Status) switch
        {
            (null, var s) => s,
            (var m, null) => m,
            var (m, s) => m.Merge(s),
        },
        LastSeq = Math.Max(mine.LastSeq, stored.LastSeq),
        Reads = mine.Reads.Merge(stored.Reads),
    };
}
