namespace CustomerService.Runtime.Cluster;

/// <summary>What silos call on each other to tell that a peer is alive: it answers with its own address, so a probe
/// that reaches a restarted process at the same endpoint (a new generation) is not mistaken for the old silo.</summary>
[Alias("sys.membership-probe")]
internal interface IMembershipProbe : IGrainObserver
{
    Task<string> Ping();
}

/// <summary>The probe target every clustered silo hosts under <see cref="Key"/>.</summary>
internal sealed class MembershipProbe(SiloIdentity identity) : IMembershipProbe
{
    public static readonly GrainId Key = new(GrainId.ObserverType, "membership-probe");

    public Task<string> Ping() => Task.FromResult(identity.Address.ToString());
}
