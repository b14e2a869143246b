namespace CustomerService.Runtime;

/// <summary>Base class of grain implementations. Grains are virtual actors: they are activated on first call, run
/// one turn at a time (unless marked <see cref="ReentrantAttribute"/>), and are deactivated when idle.
/// Persistent state comes in through the constructor with <see cref="PersistentStateAttribute"/>.</summary>
public abstract class Grain : IAddressable
{
    /// <summary>Creates the grain; only the runtime can construct grains.</summary>
    protected Grain()
    {
        GrainContext = RuntimeContext.Creating ?? throw new InvalidOperationException(
            $"{GetType().Name} was constructed outside the grain runtime. Grains are created by the runtime: " +
            "get a reference with IGrainFactory.GetGrain<T>(key) and call it.");
    }

    /// <summary>The runtime context of this activation.</summary>
    public IGrainContext GrainContext { get; }

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    /// <summary>Called after the persistent state is loaded and before the first call is processed.
    /// If it throws, the call that caused the activation fails and no activation remains.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called before the activation is removed. Persistent state that changed since it was last
    /// read or written is written after this method returns.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current turn ends; the next call activates it again.</summary>
    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    /// <summary>Keeps this activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);

    /// <summary>Registers a timer. Ticks run as turns of this activation: by default they do not interleave with
    /// calls. The next period starts when the callback completes. Timers end with the activation.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
        => GrainContext.RegisterTimer(callback, options);

    /// <summary>Registers a timer that first fires after <paramref name="dueTime"/> and then every <paramref name="period"/>.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
        => GrainContext.RegisterTimer(callback, new GrainTimerCreationOptions { DueTime = dueTime, Period = period });
}
