namespace CustomerService.Runtime.Tests.Grains;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Records entering, waits for the gate, records leaving.</summary>
    Task Hold(string name);

    [AlwaysInterleave]
    Task<string> Peek();

    [ReadOnly]
    Task ReadHold(string name);

    [OneWay]
    Task Note(string text);
}

public sealed class TurnGrain(Probe probe) : Grain, ITurnGrain
{
    public async Task Hold(string name)
    {
        probe.Record($"enter {name}");
        await probe.Gate(name);
        probe.Record($"exit {name}");
    }

    public Task<string> Peek() => Task.FromResult("peeked");

    public Task ReadHold(string name) => Hold(name);

    public Task Note(string text)
    {
        probe.Record($"note {text}");
        return Task.CompletedTask;
    }
}

public interface IReentrantTurnGrain : IGrainWithStringKey
{
    Task Hold(string name);
}

[Reentrant]
public sealed class ReentrantTurnGrain(Probe probe) : Grain, IReentrantTurnGrain
{
    public async Task Hold(string name)
    {
        probe.Record($"enter {name}");
        await probe.Gate(name);
        probe.Record($"exit {name}");
    }
}
