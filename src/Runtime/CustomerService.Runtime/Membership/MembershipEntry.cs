namespace CustomerService.Runtime.Membership;

/// <summary>One row of the membership table: what the cluster knows about one silo. Immutable; change a row with
/// <c>with</c> and a conditional write (<see cref="IMembershipTable.UpdateRowAsync"/>).</summary>
/// <param name="SiloAddress">The silo's address with its generation; the row's key.</param>
/// <param name="Status">Where the silo is in its life cycle.</param>
/// <param name="SiloName">The silo's configured name, for people.</param>
/// <param name="HostName">The machine it runs on, for people.</param>
/// <param name="GatewayPort">The port clients connect to, or 0 when the silo is not a gateway.</param>
/// <param name="StartTime">When the silo process started.</param>
/// <param name="IAmAliveTime">When the silo last wrote that it is alive (a diagnostic, not the failure detector).</param>
/// <param name="SuspectVotes">Who suspects this silo, and since when.</param>
public sealed record MembershipEntry(
    SiloAddress SiloAddress,
    SiloStatus Status,
    string SiloName,
    string HostName,
    int GatewayPort,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime,
    IReadOnlyList<SuspectVote> SuspectVotes)
{
    /// <summary>Equal when every field is equal, the votes compared element by element in order.</summary>
    public bool Equals(MembershipEntry? other) =>
        other is not null
        && SiloAddress == other.SiloAddress
        && Status == other.Status
        && SiloName == other.SiloName
        && HostName == other.HostName
        && GatewayPort == other.GatewayPort
        && StartTime == other.StartTime
        && IAmAliveTime == other.IAmAliveTime
        && SuspectVotes.SequenceEqual(other.SuspectVotes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SiloAddress, Status, IAmAliveTime, SuspectVotes.Count);

    /// <summary>This entry with one more suspicion vote (a previous vote of the same voter is replaced).</summary>
    public MembershipEntry WithVote(SuspectVote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return this with { SuspectVotes = [.. SuspectVotes.Where(v => v.Voter != vote.Voter), vote] };
    }
}
