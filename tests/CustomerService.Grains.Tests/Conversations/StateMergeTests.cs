using CustomerService.Grains.Conversations;
using CustomerService.Grains.Crdt;
using static CustomerService.Grains.Tests.Conversations.People;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>Two copies of a conversation's state (two activations) merge without losing any new field, in either
/// order.</summary>
public sealed class StateMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static HybridTimestamp At(int ms, string replica) => new(T0.ToUnixTimeMilliseconds() + ms, 0, replica);

    [Fact]
    public void LabelsMergePerLabelByTheLaterWrite()
    {
        var mine = new ConversationState
        {
            Labels = Labels(("vip", true, At(1, "a")), ("billing", false, At(5, "a"))),
        };
        var stored = new ConversationState
        {
            Labels = Labels(("vip", false, At(2, "b")), ("billing", true, At(3, "b")), ("bug", true, At(1, "b"))),
        };

        foreach (var merged in Both(mine, stored))
            Assert.Equal(["bug"], merged.Labels.Where(l => l.Value.Value).Select(l => l.Key));
    }

    [Fact]
    public void TheLaterRouterDecisionWinsWhateverTheStamps()
    {
        var mine = new ConversationState { Routing = new RoutingRecord(RoutingState.Assigned, Agent, null, 7, Agent.Id, T0, At(1, "a")) };
        var stored = new ConversationState { Routing = new RoutingRecord(RoutingState.Queued, null, "billing", 6, "old", null, At(9, "b")) };

        foreach (var merged in Both(mine, stored)) Assert.Equal(7, merged.Routing!.Version);
        // Equal versions: the later local change (e.g. resolving) wins.
        var resolved = new ConversationState { Routing = mine.Routing! with { State = RoutingState.None, Stamp = At(3, "b") } };
        foreach (var merged in Both(mine, resolved)) Assert.Equal(RoutingState.None, merged.Routing!.State);
    }

    [Fact]
    public void ReportTimesRatingAndTheBotGreetingMerge()
    {
        var mine = new ConversationState
        {
            CreatedAt = T0.AddSeconds(1), FirstResponseAt = T0.AddSeconds(30), BotGreeted = true,
            Rating = new LwwRegister<StoredRating>(new StoredRating(2, null), At(10, "a")),
        };
        var stored = new ConversationState
        {
            CreatedAt = T0, FirstResponseAt = null,
            Rating = new LwwRegister<StoredRating>(new StoredRating(5, "great"), At(20, "b")),
        };

        foreach (var merged in Both(mine, stored))
        {
            Assert.Equal((T0, T0.AddSeconds(30), true), (merged.CreatedAt, merged.FirstResponseAt, merged.BotGreeted));
            Assert.Equal(new StoredRating(5, "great"), merged.Rating!.Value);
        }
    }

    [Fact]
    public void AReplyEitherCopySawAnswersTheVisitorMessagesBeforeIt()
    {
        var waiting = new ConversationState { UnansweredSince = T0.AddSeconds(10) };
        var answered = new ConversationState { LastReplyAt = T0.AddSeconds(20) };
        var askedAgain = new ConversationState { LastReplyAt = T0.AddSeconds(20), UnansweredSince = T0.AddSeconds(30) };

        foreach (var merged in Both(waiting, answered)) Assert.Null(merged.UnansweredSince);
        foreach (var merged in Both(waiting, askedAgain)) Assert.Equal(T0.AddSeconds(30), merged.UnansweredSince);
        foreach (var merged in Both(waiting, new ConversationState())) Assert.Equal(T0.AddSeconds(10), merged.UnansweredSince);
    }

    [Fact]
    public void MergingACopyWithItselfChangesNothing()
    {
        var state = new ConversationState
        {
            Visitor = Visitor,
            Labels = Labels(("vip", true, At(1, "a"))),
            Routing = new RoutingRecord(RoutingState.Assigned, Agent, "g", 3, Agent.Id, T0, At(2, "a")),
            CreatedAt = T0, UnansweredSince = T0.AddSeconds(1),
            Status = new LwwRegister<string>("snoozed|1767229200000", At(3, "a")),
        };

        var merged = ConversationState.Merge(state, state);

        Assert.Equal(state.Labels, merged.Labels);
        Assert.Equal((state.Routing, state.CreatedAt, state.UnansweredSince, state.Status), (merged.Routing, merged.CreatedAt, merged.UnansweredSince, merged.Status));
    }

    private static IEnumerable<ConversationState> Both(ConversationState a, ConversationState b) =>
        [ConversationState.Merge(a, b), ConversationState.Merge(b, a)];

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, LwwRegister<bool>> Labels(params (string Label, bool On, HybridTimestamp Stamp)[] labels) =>
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            labels.Select(l => KeyValuePair.Create(l.Label, new LwwRegister<bool>(l.On, l.Stamp))));
}
