using CustomerService.Runtime.Cluster;

namespace CustomerService.Runtime.Tests.Grains;

public interface IWhereGrain : IGrainWithStringKey
{
    /// <summary>The address of the silo this activation runs on.</summary>
    Task<string> Silo();

    Task<int> Increment();
}

internal sealed class WhereGrain(SiloIdentity identity) : Grain, IWhereGrain
{
    private int count;

    public Task<string> Silo() => Task.FromResult(identity.Address.ToString());

    public Task<int> Increment() => Task.FromResult(++count);
}
