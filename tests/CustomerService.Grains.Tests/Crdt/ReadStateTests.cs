using CustomerService.Grains.Crdt;
using FsCheck.Fluent;
using static CustomerService.Grains.Tests.Crdt.Cast;

namespace CustomerService.Grains.Tests.Crdt;

public sealed class ReadStateTests
{
    private readonly ManualTimeProvider _time = new();

    private HybridTimestamp Stamp(string replica = "act-1")
    {
        _time.Advance(1);
        return new HybridTimestamp(_time.UnixMs, 0, replica);
    }

    [Fact]
    public void AVisitorMessageIsUnreadForTheAgentUntilTheAgentMarksItRead()
    {
        var state = ReadState.Empty.RecordMessage(VisitorSide, "act-1").RecordMessage(VisitorSide, "act-1");
        Assert.Equal(2, state.Unread(Agent1));

        state = state.MarkRead(Agent1.Id, AgentSide, seq: 2, Stamp());

        Assert.Equal(0, state.Unread(Agent1));
        Assert.Equal(new ReadMark(2, 2), state.ReadMarkOf(Agent1.Id));
    }

    [Fact]
    public void AReaderNeverCountsItsOwnSide()
    {
        var state = ReadState.Empty.RecordMessage(AgentSide, "act-1").RecordMessage(AgentSide, "act-1");

        Assert.Equal(0, state.Unread(Agent1));
        Assert.Equal(0, state.Unread(Agent2));
        Assert.Equal(2, state.Unread(Visitor));
    }

    [Fact]
    public void BotAndSystemMessagesCountForEveryReader()
    {
        var state = ReadState.Empty.RecordMessage(BotSide, "act-1").RecordMessage(SystemSide, "act-1");

        Assert.All(Readers, reader => Assert.Equal(2, state.Unread(reader)));
    }

    [Fact]
    public void PrivateNotesCountForAgentsButNotForAVisitorTheyAreHiddenFrom()
    {
        var state = ReadState.Empty.RecordMessage(NoteSide, "act-1");

        Assert.Equal(1, state.Unread(Agent1));
        Assert.Equal(0, state.Unread(Visitor));
        Assert.Equal(1, state.Unread(Visitor.Id, VisitorSide)); // without hiddenSides the note would count
    }

    [Fact]
    public void AReadMarkMadeBeforeAConcurrentMessageLeavesThatMessageUnreadAfterTheMerge()
    {
        var shared = ReadState.Empty.RecordMessage(VisitorSide, "act-1");
        var readOnA = shared.MarkRead(Agent1.Id, AgentSide, seq: 1, Stamp("act-1"));
        var writtenOnB = shared.RecordMessage(VisitorSide, "act-2");

        Assert.Equal(1, readOnA.Merge(writtenOnB).Unread(Agent1));
        Assert.Equal(1, writtenOnB.Merge(readOnA).Unread(Agent1));
    }

    [Fact]
    public void MarkingUnreadLeavesExactlyTheLastMessageUnread()
    {
        var state = ReadState.Empty;
        for (var i = 0; i < 3; i++) state = state.RecordMessage(VisitorSide, "act-1");
        state = state.MarkRead(Agent1.Id, AgentSide, seq: 3, Stamp()).MarkUnread(Agent1.Id, AgentSide, seq: 2, Stamp());

        Assert.Equal(1, state.Unread(Agent1));
        Assert.Equal(new ReadMark(2, 2), state.ReadMarkOf(Agent1.Id));
    }

    [Fact]
    public void MarkingUnreadWithNothingToReadLeavesNothingUnread()
    {
        var state = ReadState.Empty.RecordMessage(AgentSide, "act-1").MarkUnread(Agent1.Id, AgentSide, seq: 0, Stamp());

        Assert.Equal(0, state.Unread(Agent1));
    }

    [Fact]
    public void ANewerReadBeatsAnOlderMarkUnreadInAMerge()
    {
        var shared = ReadState.Empty.RecordMessage(VisitorSide, "act-1");
        var unread = shared.MarkUnread(Agent1.Id, AgentSide, seq: 0, Stamp("act-1"));
        var read = shared.MarkRead(Agent1.Id, AgentSide, seq: 1, Stamp("act-2"));

        Assert.Equal(0, unread.Merge(read).Unread(Agent1));
        Assert.Equal(0, read.Merge(unread).Unread(Agent1));
    }

    [Fact]
    public void ALateArrivingOlderMarkIsIgnored()
    {
        var state = ReadState.Empty.RecordMessage(VisitorSide, "act-1");
        var older = Stamp();
        var newer = Stamp();
        state = state.MarkUnread(Agent1.Id, AgentSide, seq: 0, newer);

        Assert.Same(state, state.MarkRead(Agent1.Id, AgentSide, seq: 1, older));
    }

    [Fact]
    public void AMarkClaimingMoreThanThisCopyKnowsGivesZeroHereAndTheRightCountAfterTheMerge()
    {
        var otherCopy = ReadState.Empty.RecordMessage(VisitorSide, "act-2").RecordMessage(VisitorSide, "act-2")
            .RecordMessage(VisitorSide, "act-2");
        var thisCopy = ReadState.Empty.MarkRead(Agent1.Id, new ReadMark(2, 2), Stamp());

        Assert.Equal(0, thisCopy.Unread(Agent1));
        Assert.Equal(1, thisCopy.Merge(otherCopy).Unread(Agent1));
    }

    [Fact]
    public void MergeIsCommutative() => MergeLaws.Commutative(CrdtGen.State, (a, b) => a.Merge(b));

    [Fact]
    public void MergeIsAssociative() => MergeLaws.Associative(CrdtGen.State, (a, b) => a.Merge(b));

    [Fact]
    public void MergeIsIdempotent() => MergeLaws.Idempotent(CrdtGen.State, (a, b) => a.Merge(b));

    [Fact]
    public void UnreadIsNeverNegativeBeforeOrAfterMerges()
    {
        var arb = CrdtGen.State.ToArbitrary();

        PropertyCheck.Holds(arb, arb, (a, b) =>
            new[] { a, b, a.Merge(b) }.All(state => Readers.All(reader => state.Unread(reader) >= 0)));
    }

    [Fact]
    public void MessageCountsNeverDecreaseUnderAMerge()
    {
        var arb = CrdtGen.State.ToArbitrary();

        PropertyCheck.Holds(arb, arb, (a, b) =>
        {
            var merged = a.Merge(b);
            return Sides.All(side => merged.MessageCount(side) >= Math.Max(a.MessageCount(side), b.MessageCount(side)));
        });
    }

    [Fact]
    public void BadArgumentsAreRejectedWithTheirName()
    {
        var state = ReadState.Empty;
        var stamp = Stamp();

        Assert.Equal("side", Assert.Throws<ArgumentNullException>(() => state.RecordMessage(null!, "act-1")).ParamName);
        Assert.Equal("replica", Assert.Throws<ArgumentException>(() => state.RecordMessage(VisitorSide, "")).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => state.MarkRead(null!, AgentSide, 0, stamp)).ParamName);
        Assert.Equal("readerSide", Assert.Throws<ArgumentNullException>(() => state.MarkRead(Agent1.Id, null!, 0, stamp)).ParamName);
        Assert.Equal("seq", Assert.Throws<ArgumentOutOfRangeException>(() => state.MarkRead(Agent1.Id, AgentSide, -1, stamp)).ParamName);
        Assert.Equal("stamp", Assert.Throws<ArgumentException>(() => state.MarkUnread(Agent1.Id, AgentSide, 0, default)).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentException>(() => state.Unread("", AgentSide)).ParamName);
        Assert.Equal("seenCount", Assert.Throws<ArgumentOutOfRangeException>(() => new ReadMark(-1, 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => state.Merge(null!));
    }
}
