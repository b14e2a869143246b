using CustomerService.Grains.Crdt;
using FsCheck;
using FsCheck.Fluent;
using static CustomerService.Grains.Tests.Crdt.Cast;

namespace CustomerService.Grains.Tests.Crdt;

/// <summary>Read state against histories: one replica against the simple model, two replicas against one.</summary>
public sealed class ReadStateHistoryTests
{
    /// <summary>A sequential history: each op comes after the wall clock moved by some milliseconds, often
    /// backwards or not at all.</summary>
    private static readonly Arbitrary<(ChatOp Op, int ClockMoveMs)[]> SequentialHistories = Arb.From(
        Gen.ArrayOf(Gen.Zip(CrdtGen.HistoryOp, Gen.Choose(-20, 20))),
        PropertyCheck.ShrinkList);

    [Fact]
    public void OnOneReplicaUnreadAndReadMarksMatchTheSimpleModelAfterEveryStep()
    {
        PropertyCheck.Holds(SequentialHistories, history =>
        {
            var time = new ManualTimeProvider();
            var clock = new HybridLogicalClock("act-1", time);
            var model = new UnreadModel();
            var state = ReadState.Empty;
            foreach (var (op, clockMove) in history)
            {
                time.Advance(clockMove);
                model.Apply(op);
                var seq = op is ReadOp or UnreadOp ? model.ReadUpTo(ReaderOf(op)) : 0;
                state = state.Apply(op, "act-1", clock.Now(), seq);
                foreach (var reader in Readers)
                {
                    if (state.Unread(reader) != model.Unread(reader)) return false;
                    if ((state.ReadMarkOf(reader.Id) ?? default) != new ReadMark(model.Seen(reader), model.ReadUpTo(reader)))
                        return false;
                }
            }
            return true;
        }, tests: 300);
    }

    [Fact]
    public void TwoReplicasUpdatedConcurrentlyAndMergedAgreeWithTheSequentialHistory()
    {
        PropertyCheck.Holds(ConcurrentHistories(), history =>
        {
            // Time moves forward one millisecond per step, so stamps follow the interleaving and "last writer" in
            // the merge means last in the sequential history. Each replica counts its writes in its own slot; a
            // read mark carries the count the sequential history gave it, as the grain that served the reader would.
            var time = new ManualTimeProvider();
            var clocks = new[] { new HybridLogicalClock("act-a", time), new HybridLogicalClock("act-b", time) };
            var replicas = new[] { ReadState.Empty, ReadState.Empty };
            var model = new UnreadModel();
            var sequential = ReadState.Empty;
            foreach (var step in history)
            {
                time.Advance(1);
                var on = step.Replica;
                var stamp = clocks[on].Now();
                model.Apply(step.Op);
                if (step.Op is WriteOp write)
                {
                    sequential = sequential.RecordMessage(write.Side, "act-seq");
                    replicas[on] = replicas[on].RecordMessage(write.Side, clocks[on].Replica);
                }
                else
                {
                    var reader = ReaderOf(step.Op);
                    sequential = sequential.Apply(step.Op, "act-seq", stamp, model.ReadUpTo(reader));
                    replicas[on] = replicas[on].MarkRead(reader.Id, sequential.ReadMarkOf(reader.Id)!.Value, stamp);
                }
                if (step.SyncAfter) replicas[1 - on] = replicas[1 - on].Merge(replicas[on]);
            }

            var merged = replicas[0].Merge(replicas[1]);
            return merged.Equals(replicas[1].Merge(replicas[0]))
                && Sides.All(side => merged.MessageCount(side) == sequential.MessageCount(side))
                && Readers.All(reader =>
                    merged.Unread(reader) == sequential.Unread(reader)
                    && merged.Unread(reader) == model.Unread(reader)
                    && merged.ReadMarkOf(reader.Id) == sequential.ReadMarkOf(reader.Id));
        }, tests: 300);
    }

    [Fact]
    public void MarkUnreadAfterAReadLeavesAtLeastOneUnreadAndSurvivesAMergeWithTheOlderReadMark()
    {
        var cases =
            from state in CrdtGen.State
            from reader in CrdtGen.AnyReader
            from side in Gen.Elements(Sides.Where(reader.Counts).ToArray())
            select (state: state.RecordMessage(side, "act-x"), reader);

        PropertyCheck.Holds(cases.ToArbitrary(), c =>
        {
            var (state, reader) = c;
            var time = new ManualTimeProvider();
            var readerClock = new HybridLogicalClock("act-b", time);
            var unreadClock = new HybridLogicalClock("act-a", time);
            foreach (var register in state.ReadMarks.Values) readerClock.Observe(register.Stamp); // as on activation

            var read = state.MarkRead(reader.Id, reader.Side, 1, readerClock.Now(), reader.Hidden);
            var unread = read.MarkUnread(reader.Id, reader.Side, 0, unreadClock.Observe(readerClock.Last), reader.Hidden);
            var readOnly = state.MarkRead(reader.Id, reader.Side, 1, readerClock.Last, reader.Hidden); // the other copy

            return read.Unread(reader) == 0
                && unread.Unread(reader) == 1
                && unread.Merge(readOnly).Unread(reader) >= 1
                && readOnly.Merge(unread).Unread(reader) >= 1
                && readOnly.Merge(unread).Equals(unread.Merge(readOnly));
        });
    }

    private static Reader ReaderOf(ChatOp op) => op switch
    {
        ReadOp read => read.Reader,
        UnreadOp unread => unread.Reader,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a read mark."),
    };

    /// <summary>Each replica's own ops in order, interleaved at random, with an optional one-way sync (the other
    /// replica merges this one's state) after some steps.</summary>
    private static Arbitrary<ConcurrentStep[]> ConcurrentHistories()
    {
        var ops = Gen.ArrayOf(Gen.Zip(CrdtGen.HistoryOp, Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))));
        var histories =
            from a in ops
            from b in ops
            from order in Gen.Shuffle(Enumerable.Repeat(0, a.Length).Concat(Enumerable.Repeat(1, b.Length)))
            select Interleave(a, b, order.ToArray());
        return Arb.From(histories, PropertyCheck.ShrinkList);
    }

    private static ConcurrentStep[] Interleave((ChatOp, bool)[] a, (ChatOp, bool)[] b, int[] order)
    {
        int nextA = 0, nextB = 0;
        return order.Select(replica =>
        {
            var (op, sync) = replica == 0 ? a[nextA++] : b[nextB++];
            return new ConcurrentStep(op, replica, sync);
        }).ToArray();
    }

    private sealed record ConcurrentStep(ChatOp Op, int Replica, bool SyncAfter)
    {
        public override string ToString() => $"{Op} on {(Replica == 0 ? "A" : "B")}{(SyncAfter ? " then sync" : "")}";
    }
}
