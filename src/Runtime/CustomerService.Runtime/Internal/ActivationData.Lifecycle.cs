using CustomerService.Runtime.Invocation;
using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.Internal;

internal sealed partial class ActivationData
{
    /// <summary>Creates the grain, loads its state and runs OnActivateAsync on the activation's own scheduler.</summary>
    public void Start() => new Task(static state => _ = ((ActivationData)state!).ActivateAsync(), this).Start(Scheduler);

    private async Task ActivateAsync()
    {
        try
        {
            var grain = entry!.Create(this, catalog.Services);
            Instance = grain;
            foreach (var state in states) await state.LoadAsync();
            using var timeout = new CancellationTokenSource(catalog.Options.ActivationTimeout, catalog.Time);
            await grain.OnActivateAsync(timeout.Token).WaitAsync(catalog.Options.ActivationTimeout, catalog.Time);
        }
        catch (Exception exception)
        {
            FailActivation(exception);
            return;
        }

        lock (gate)
        {
            status = ActivationStatus.Valid;
            if (deactivationRequestedWhileActivating is { } reason)
            {
                // Asked to go (e.g. the silo is stopping) while it was still activating: go now, or the stop would
                // wait for it until its timeout.
                status = ActivationStatus.Deactivating;
                deactivationReason = reason;
                ScheduleDeactivationIfQuiet();
                return;
            }

            StartRunnableTurns();
        }
    }

    private DeactivationReason? deactivationRequestedWhileActivating;

    // Nothing of a failed activation remains: it leaves the catalog and every waiting caller gets the error.
    private void FailActivation(Exception exception)
    {
        CatalogLog.ActivationFailed(catalog.Logger, exception, GrainId);
        var failed = Invalidate();
        catalog.OnActivationGone(this, []);
        foreach (var message in failed) message.Fail(catalog.Exceptions.Copy(exception));
        Instance = null;
        deactivated.TrySetResult();
    }

    /// <summary>Marks the activation gone and hands back the messages still waiting.</summary>
    private Message[] Invalidate()
    {
        lock (gate)
        {
            status = ActivationStatus.Invalid;
            Message[] left = [.. waiting];
            waiting.Clear();
            return left;
        }
    }

    /// <summary>Begins deactivation once the turns in progress end; later messages wait and are forwarded.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (gate)
        {
            if (status == ActivationStatus.Activating) deactivationRequestedWhileActivating ??= reason;
            if (status != ActivationStatus.Valid) return;
            status = ActivationStatus.Deactivating;
            deactivationReason = reason;
            ScheduleDeactivationIfQuiet();
        }
    }

    // Called with the gate held.
    private void ScheduleDeactivationIfQuiet()
    {
        if (running > 0 || deactivationScheduled) return;
        deactivationScheduled = true;
        new Task(static state => _ = ((ActivationData)state!).DeactivateAsync(), this).Start(Scheduler);
    }

    private async Task DeactivateAsync()
    {
        GrainTimer[] activeTimers;
        lock (gate) activeTimers = timers is null ? [] : [.. timers];
        foreach (var timer in activeTimers) timer.Dispose();
        var options = catalog.Options;
        if (Instance is Grain grain)
        {
            try
            {
                using var timeout = new CancellationTokenSource(options.DeactivationTimeout, catalog.Time);
                await grain.OnDeactivateAsync(deactivationReason, timeout.Token).WaitAsync(options.DeactivationTimeout, catalog.Time);
            }
            catch (Exception exception)
            {
                CatalogLog.DeactivationCallbackFailed(catalog.Logger, exception, GrainId);
            }
        }

        if (options.WriteStateOnDeactivate)
        {
            foreach (var state in states)
            {
                try
                {
                    if (await state.WriteIfChangedAsync()) CatalogLog.StateWrittenOnDeactivation(catalog.Logger, GrainId);
                }
                catch (Exception exception)
                {
                    CatalogLog.StateWriteOnDeactivationFailed(catalog.Logger, exception, GrainId);
                }
            }
        }

        var forwarded = Invalidate();
        CatalogLog.Deactivated(catalog.Logger, GrainId, deactivationReason.Code);
        Instance = null;
        catalog.OnActivationGone(this, forwarded);
        deactivated.TrySetResult();
    }

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string storageName) where TState : new()
    {
        if (Status != ActivationStatus.Activating || Instance is not null)
            throw new InvalidOperationException("Persistent state can only be obtained in the grain's constructor (use [PersistentState]).");
        var state = new PersistentState<TState>(stateName, GrainId, catalog.GetStorage(storageName, GrainId), catalog.Serializer);
        states.Add(state);
        return state;
    }

    public void DeactivateOnIdle() => RequestDeactivation(new(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        lock (gate) keepAliveUntil = catalog.Time.GetTimestamp() + (long)(timeSpan.TotalSeconds * catalog.Time.TimestampFrequency);
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(options);
        var timer = new GrainTimer(this, callback, options, catalog.Time);
        lock (gate) (timers ??= []).Add(timer);
        return timer;
    }

    public void OnTimerDisposed(GrainTimer timer)
    {
        lock (gate) timers?.Remove(timer);
    }

    public void OnTimerFailed(Exception exception) => CatalogLog.TimerFailed(catalog.Logger, exception, GrainId);
}
