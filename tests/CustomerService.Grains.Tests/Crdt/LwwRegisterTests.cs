using CustomerService.Grains.Crdt;
using FsCheck.Fluent;

namespace CustomerService.Grains.Tests.Crdt;

public sealed class LwwRegisterTests
{
    private static HybridTimestamp At(long wall, int counter = 0, string replica = "r1") => new(wall, counter, replica);

    [Fact]
    public void TheLaterStampWinsWhateverTheValue()
    {
        var register = new LwwRegister<string>("b", At(10)).Set("a", At(11));

        Assert.Equal("a", register.Value);
        Assert.Equal(At(11), register.Stamp);
    }

    [Fact]
    public void AnEarlierWriteIsIgnored()
    {
        var register = new LwwRegister<string>("a", At(10, 1));

        Assert.Same(register, register.Set("z", At(10, 0)));
    }

    [Fact]
    public void EqualWallAndCounterAreBrokenByTheReplicaId()
    {
        var fromR1 = new LwwRegister<string>("z", At(10, 0, "r1"));
        var fromR2 = new LwwRegister<string>("a", At(10, 0, "r2"));

        Assert.Equal("a", fromR1.Merge(fromR2).Value);
        Assert.Equal("a", fromR2.Merge(fromR1).Value);
        Assert.Equal("r2", fromR1.Merge(fromR2).Replica);
    }

    [Fact]
    public void IdenticalStampsAreBrokenByTheGreaterValue()
    {
        var a = new LwwRegister<string>("a", At(10));
        var b = new LwwRegister<string>("b", At(10));

        Assert.Equal("b", a.Merge(b).Value);
        Assert.Equal("b", b.Merge(a).Value);
    }

    [Fact]
    public void StringTiesCompareOrdinallySoEveryMachineAgrees()
    {
        // Ordinal: "Z" (0x5A) < "a" (0x61); a culture-aware order would put "a" first.
        var lower = new LwwRegister<string>("a", At(10));
        var upper = new LwwRegister<string>("Z", At(10));

        Assert.Equal("a", upper.Merge(lower).Value);
    }

    [Fact]
    public void MergeIsCommutative() => MergeLaws.Commutative(CrdtGen.StringRegister, (a, b) => a.Merge(b));

    [Fact]
    public void MergeIsAssociative() => MergeLaws.Associative(CrdtGen.StringRegister, (a, b) => a.Merge(b));

    [Fact]
    public void MergeIsIdempotent() => MergeLaws.Idempotent(CrdtGen.StringRegister, (a, b) => a.Merge(b));

    [Fact]
    public void MergeKeepsTheLaterStampOfTheTwo()
    {
        var arb = CrdtGen.StringRegister.ToArbitrary();

        PropertyCheck.Holds(arb, arb, (a, b) => a.Merge(b).Stamp == HybridTimestamp.Max(a.Stamp, b.Stamp));
    }

    [Fact]
    public void SetAgreesWithMergingARegisterOfTheWrite()
    {
        var arb = CrdtGen.StringRegister.ToArbitrary();

        PropertyCheck.Holds(arb, arb, (register, write) =>
            register.Set(write.Value, write.Stamp).Equals(register.Merge(write)));
    }

    [Fact]
    public void ANullValueIsRejected() =>
        Assert.Throws<ArgumentNullException>(() => new LwwRegister<string>(null!, At(1)));

    [Fact]
    public void ADefaultStampIsRejectedBecauseItNamesNoReplica()
    {
        Assert.Equal("stamp", Assert.Throws<ArgumentException>(() => new LwwRegister<string>("a", default)).ParamName);
        Assert.Throws<ArgumentException>(() => new LwwRegister<string>("a", At(1)).Set("b", default));
    }

    [Fact]
    public void MergingWithNullIsRejected() =>
        Assert.Throws<ArgumentNullException>(() => new LwwRegister<string>("a", At(1)).Merge(null!));
}
