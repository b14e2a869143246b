using CustomerService.Runtime.Membership;

namespace CustomerService.Runtime.Cluster;

/// <summary>This silo's address, known once its listener is bound.</summary>
internal sealed class SiloIdentity
{
    private SiloAddress? address;

    public SiloAddress Address => address ?? throw new InvalidOperationException("The silo has not started listening yet.");

    public bool IsSet => address is not null;

    public void Set(SiloAddress value) => address = value;
}
