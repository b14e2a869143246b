using CustomerService.Grains.Crdt;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerService.Grains.Tests.Crdt;

/// <summary>Generators for the CRDT properties. Domains are kept small on purpose (four replicas, a few
/// milliseconds, three values) so that equal slots, equal stamps and equal values — the cases merges must get
/// right — come up often.</summary>
internal static class CrdtGen
{
    public static readonly string[] Replicas = ["r1", "r2", "r3", "r4"];

    public static readonly long BaseWallMs = ManualTimeProvider.Start.ToUnixTimeMilliseconds();

    public static Gen<string> Replica { get; } = Gen.Elements(Replicas);

    public static Gen<HybridTimestamp> Stamp { get; } =
        from wall in Gen.Choose(0, 4)
        from counter in Gen.Choose(0, 2)
        from replica in Replica
        select new HybridTimestamp(BaseWallMs + wall, counter, replica);

    public static Gen<GCounter> Counter { get; } =
        from increments in Gen.ArrayOf(Gen.Zip(Replica, Gen.Choose(1, 5)))
        select increments.Aggregate(GCounter.Empty, (counter, step) => counter.Increment(step.Item1, step.Item2));

    public static Gen<LwwRegister<string>> StringRegister { get; } =
        from value in Gen.Elements("a", "b", "c")
        from stamp in Stamp
        select new LwwRegister<string>(value, stamp);

    public static Gen<ReadMark> Mark { get; } =
        from seen in Gen.Choose(0, 20)
        from seq in Gen.Choose(0, 40)
        select new ReadMark(seen, seq);

    public static Gen<Reader> AnyReader { get; } = Gen.Elements(Cast.Readers);

    /// <summary>Writes, reads and unreads, writes being the most common.</summary>
    public static Gen<ChatOp> HistoryOp { get; } = Gen.Frequency(
        (5, Gen.Elements(Cast.Sides).Select(ChatOp (side) => new WriteOp(side))),
        (2, AnyReader.Select(ChatOp (reader) => new ReadOp(reader))),
        (1, AnyReader.Select(ChatOp (reader) => new UnreadOp(reader))));

    /// <summary>Any op, including read marks that claim more than the copy knows of.</summary>
    public static Gen<ChatOp> AnyOp { get; } = Gen.Frequency(
        (8, HistoryOp),
        (1, Gen.Zip(AnyReader, Gen.Choose(0, 30)).Select(ChatOp (pair) => new ExplicitMarkOp(pair.Item1, pair.Item2))));

    /// <summary>A read state built by random ops on random replicas with random (not monotonic) stamps: the
    /// states two copies could be in after any history.</summary>
    public static Gen<ReadState> State { get; } =
        from steps in Gen.ArrayOf(
            from op in AnyOp
            from replica in Replica
            from stamp in Stamp
            from seq in Gen.Choose(0, 40)
            select (op, replica, stamp, seq))
        select steps.Aggregate(ReadState.Empty, (state, step) => state.Apply(step.op, step.replica, step.stamp, step.seq));
}
