namespace CustomerService.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan dueTime, TimeSpan period, bool interleave);

    Task Stop();

    Task<int> Ticks();

    Task Hold(string name);
}

public sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private IGrainTimer? timer;
    private int ticks;

    public Task Start(TimeSpan dueTime, TimeSpan period, bool interleave)
    {
        timer = RegisterGrainTimer(_ =>
        {
            ticks++;
            probe.Record($"tick {this.GetPrimaryKeyString()} {ticks}");
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions { DueTime = dueTime, Period = period, Interleave = interleave });
        return Task.CompletedTask;
    }

    public Task Stop()
    {
        timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(ticks);

    public async Task Hold(string name)
    {
        probe.Record($"enter {name}");
        await probe.Gate(name);
        probe.Record($"exit {name}");
    }
}
