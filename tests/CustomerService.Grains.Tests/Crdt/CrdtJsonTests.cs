using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerService.Grains.Crdt;
using CustomerService.Runtime.Serialization;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerService.Grains.Tests.Crdt;

/// <summary>The CRDTs are grain state: they must come back from storage equal, through the source-generated
/// context alone and through the runtime's grain serializer.</summary>
public sealed class CrdtJsonTests
{
    private static readonly JsonGrainSerializer GrainSerializer = new([CrdtJsonContext.Default]);

    [Fact]
    public void AReadStateRoundTripsEqual() => RoundTrips(CrdtGen.State, CrdtJsonContext.Default.ReadState);

    [Fact]
    public void AGCounterRoundTripsEqual() => RoundTrips(CrdtGen.Counter, CrdtJsonContext.Default.GCounter);

    [Fact]
    public void AnLwwRegisterRoundTripsEqual()
    {
        RoundTrips(CrdtGen.StringRegister, CrdtJsonContext.Default.LwwRegisterString);
        RoundTrips(Gen.Zip(CrdtGen.Mark, CrdtGen.Stamp).Select(p => new LwwRegister<ReadMark>(p.Item1, p.Item2)),
            CrdtJsonContext.Default.LwwRegisterReadMark);
    }

    [Fact]
    public void AHybridTimestampRoundTripsEqual() => RoundTrips(CrdtGen.Stamp, CrdtJsonContext.Default.HybridTimestamp);

    [Fact]
    public void AReadStateIsWrittenInCamelCaseWithKeysInOrdinalOrder()
    {
        var state = ReadState.Empty
            .RecordMessage("visitor", "act-b").RecordMessage("agent", "act-a").RecordMessage("visitor", "act-a")
            .MarkRead("agent-1", "agent", 3, new HybridTimestamp(1_000, 2, "act-a"));

        var json = JsonSerializer.Serialize(state, CrdtJsonContext.Default.ReadState);

        const string expected = """
            {"messages":{"agent":{"slots":{"act-a":1}},"visitor":{"slots":{"act-a":1,"act-b":1}}},
            "readMarks":{"agent-1":{"value":{"seenCount":2,"seq":3},"stamp":{"wallMs":1000,"counter":2,"replica":"act-a"}}}}
            """;
        Assert.Equal(expected.ReplaceLineEndings(""), json);
    }

    [Fact]
    public void StoredStateIsNormalisedSoThatItEqualsTheSameStateBuiltInMemory()
    {
        const string stored = """{"messages":{"visitor":{"slots":{"b":1,"a":2,"c":0}},"bot":{"slots":{}}},"readMarks":{}}""";

        var state = JsonSerializer.Deserialize(stored, CrdtJsonContext.Default.ReadState)!;

        var built = ReadState.Empty.RecordMessage("visitor", "a").RecordMessage("visitor", "a").RecordMessage("visitor", "b");
        Assert.Equal(built, state);
        Assert.Equal(["a", "b"], state.Messages["visitor"].Slots.Keys);
    }

    [Fact]
    public void StoredStateWithANegativeSlotIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            JsonSerializer.Deserialize("""{"slots":{"a":-1}}""", CrdtJsonContext.Default.GCounter));

    private static void RoundTrips<T>(Gen<T> gen, JsonTypeInfo<T> typeInfo) where T : notnull =>
        PropertyCheck.Holds(gen.ToArbitrary(), value =>
            value.Equals(JsonSerializer.Deserialize(JsonSerializer.Serialize(value, typeInfo), typeInfo))
            && value.Equals(GrainSerializer.Deserialize<T>(GrainSerializer.SerializeToUtf8Bytes(value))),
            tests: 100);
}
