namespace CustomerService.Runtime.Membership.Tests.Conformance;

/// <summary>Membership rows for the tests. Times are whole milliseconds, which every store keeps exactly.</summary>
internal static class Rows
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static SiloAddress Silo(int port, int generation = 1) => new("127.0.0.1", port, generation);

    public static MembershipEntry Entry(SiloAddress silo, SiloStatus status = SiloStatus.Joining, DateTimeOffset? iAmAlive = null) =>
        new(silo, status, $"silo-{silo.Port}", "test-host", silo.Port + 1000, Noon, iAmAlive ?? Noon, []);

    public static void AssertSame(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.GatewayPort, actual.GatewayPort);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(expected.SuspectVotes, actual.SuspectVotes);
    }
}
