namespace CustomerService.Runtime.Tests.Grains;

public interface IGuardedGrain : IGrainWithStringKey
{
    Task<string> Greet(string name);

    Task<string> Forward(string key, string name);
}

public sealed class GuardedGrain(Probe probe) : Grain, IGuardedGrain, IIncomingGrainCallFilter
{
    public Task<string> Greet(string name)
    {
        probe.Record("grain");
        return Task.FromResult($"hello {name}");
    }

    public Task<string> Forward(string key, string name) => GrainFactory.GetGrain<IGuardedGrain>(key).Greet(name);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        probe.Record("grain filter before");
        await context.Invoke();
        probe.Record("grain filter after");
    }
}

/// <summary>Records around calls; rejects calls whose first argument is "intruder".</summary>
public sealed class RecordingFilter(Probe probe, string name) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Request.ArgumentCount > 0 && context.Request.GetArgument(0) is "intruder")
            throw new UnauthorizedAccessException($"{name} rejected {context.MethodName}");
        probe.Record($"{name} before");
        await context.Invoke();
        probe.Record($"{name} after");
    }
}

public sealed class OutgoingRecorder(Probe probe) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        probe.Record($"out {context.MethodName} from {context.SourceId?.Key ?? "client"}");
        await context.Invoke();
        if (context.Result is string text) context.Result = text + "!";
    }
}
