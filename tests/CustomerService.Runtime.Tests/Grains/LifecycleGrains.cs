namespace CustomerService.Runtime.Tests.Grains;

public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<string> WhoAmI();

    Task<int> Increment();

    Task Deactivate();

    Task KeepAliveFor(TimeSpan time);
}

public sealed class LifecycleGrain(Probe probe) : Grain, ILifecycleGrain
{
    private int calls;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        if (probe.FailActivationFor.Contains(key)) throw new InvalidOperationException($"activation of {key} refused");
        probe.Record($"activate {key}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate {this.GetPrimaryKeyString()} {reason.Code}");
        return Task.CompletedTask;
    }

    public Task<string> WhoAmI() => Task.FromResult(this.GetPrimaryKeyString());

    public Task<int> Increment() => Task.FromResult(++calls);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task KeepAliveFor(TimeSpan time)
    {
        DelayDeactivation(time);
        return Task.CompletedTask;
    }
}

[Alias("test.named")]
public interface INamedGrain : IGrainWithStringKey
{
    Task<string> Name();
}

[Alias("named")]
public sealed class NamedGrain : Grain, INamedGrain
{
    public Task<string> Name() => Task.FromResult(this.GetGrainId().ToString());
}
