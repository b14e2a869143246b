namespace CustomerService.Runtime;

/// <summary>What the runtime gives one grain activation. Implemented by the runtime; grains use it
/// through the members of <see cref="Grain"/>.</summary>
public interface IGrainContext
{
    /// <summary>The identity of this activation's grain.</summary>
    GrainId GrainId { get; }

    /// <summary>Creates references to other grains (calls made through it copy their arguments).</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>The silo's services.</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>The persistent state named <paramref name="stateName"/> in storage provider <paramref name="storageName"/>,
    /// loaded before <see cref="Grain.OnActivateAsync"/>.</summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName, string storageName) where TState : new();

    /// <summary>Asks for this activation to be deactivated once the current turn ends.</summary>
    void DeactivateOnIdle();

    /// <summary>Keeps the activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    void DelayDeactivation(TimeSpan timeSpan);

    /// <summary>Registers a timer whose ticks are scheduled as turns of this activation.</summary>
    IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options);
}
