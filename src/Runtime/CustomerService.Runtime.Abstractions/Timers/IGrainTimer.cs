namespace CustomerService.Runtime;

/// <summary>A timer owned by an activation. Dispose it to stop it; it also stops when the activation deactivates.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the timer next fires and its period (<see cref="Timeout.InfiniteTimeSpan"/>: once).</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

/// <summary>Options for <see cref="Grain.RegisterGrainTimer(Func{CancellationToken, Task}, GrainTimerCreationOptions)"/>.</summary>
public sealed record GrainTimerCreationOptions
{
    /// <summary>Delay before the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Delay between the end of one tick and the next; <see cref="Timeout.InfiniteTimeSpan"/> fires once.</summary>
    public TimeSpan Period { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>When true, ticks may interleave with calls in progress (like <see cref="AlwaysInterleaveAttribute"/>).</summary>
    public bool Interleave { get; init; }

    /// <summary>When true, a tick counts as activity and keeps the grain from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
