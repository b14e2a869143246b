namespace CustomerService.Runtime.Membership;

/// <summary>One silo's suspicion that another silo is dead.</summary>
/// <param name="Voter">The silo that suspects.</param>
/// <param name="Time">When it voted (or last refreshed its vote); old votes expire.</param>
public sealed record SuspectVote(SiloAddress Voter, DateTimeOffset Time);
