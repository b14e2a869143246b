namespace CustomerService.Runtime.Membership.Tests;

public sealed class SiloAddressTests
{
    [Theory]
    [InlineData("10.0.0.5:11111@42", "10.0.0.5", 11111, 42)]
    [InlineData("silo-a.local:30000@1", "silo-a.local", 30000, 1)]
    [InlineData("[::1]:11111@7", "::1", 11111, 7)]
    public void AnAddressRoundTripsThroughItsText(string text, string host, int port, int generation)
    {
        var address = SiloAddress.Parse(text);

        Assert.Equal(new SiloAddress(host, port, generation), address);
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:1")]
    [InlineData("host@1")]
    [InlineData(":1@1")]
    [InlineData("host:@1")]
    [InlineData("host:99999@1")]
    [InlineData("host:1@x")]
    public void MalformedTextIsRejected(string text)
    {
        Assert.False(SiloAddress.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SiloAddress.Parse(text));
    }

    [Fact]
    public void TwoStartsOfOneProcessGetDifferentIncreasingGenerations()
    {
        var first = SiloAddress.New("127.0.0.1", 11111);
        var second = SiloAddress.New("127.0.0.1", 11111);

        Assert.NotEqual(first, second);
        Assert.True(second.Generation > first.Generation);
        Assert.Equal(first.Endpoint, second.Endpoint);
    }

    [Fact]
    public void AVoteFromTheSameVoterReplacesItsOlderVote()
    {
        var voter = new SiloAddress("127.0.0.1", 2, 1);
        var entry = new MembershipEntry(new SiloAddress("127.0.0.1", 1, 1), SiloStatus.Active, "s", "h", 0, default, default, [])
            .WithVote(new SuspectVote(voter, DateTimeOffset.UnixEpoch))
            .WithVote(new SuspectVote(voter, DateTimeOffset.UnixEpoch.AddSeconds(1)));

        Assert.Equal([new SuspectVote(voter, DateTimeOffset.UnixEpoch.AddSeconds(1))], entry.SuspectVotes);
    }
}

public sealed class MembershipEntryTests
{
    [Fact]
    public void EntriesWithEqualFieldsAndVotesAreEqual()
    {
        var silo = new SiloAddress("127.0.0.1", 1, 1);
        var vote = new SuspectVote(new SiloAddress("127.0.0.1", 2, 1), DateTimeOffset.UnixEpoch);
        var first = new MembershipEntry(silo, SiloStatus.Active, "s", "h", 0, default, default, [vote]);
        var second = new MembershipEntry(silo, SiloStatus.Active, "s", "h", 0, default, default, new List<SuspectVote> { vote });

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { SuspectVotes = [] });
    }
}
