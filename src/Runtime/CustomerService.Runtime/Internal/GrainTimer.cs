namespace CustomerService.Runtime.Internal;

/// <summary>A grain timer. A tick is queued as a turn of the activation; the next tick is armed only when the
/// callback has finished, so ticks never pile up or overlap.</summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData activation;
    private readonly Func<CancellationToken, Task> callback;
    private readonly ITimer timer;
    private readonly CancellationTokenSource stopped = new();
    private TimeSpan period;
    private volatile bool disposed;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options, TimeProvider time)
    {
        this.activation = activation;
        this.callback = callback;
        Interleave = options.Interleave;
        KeepAlive = options.KeepAlive;
        period = options.Period;
        timer = time.CreateTimer(static state => ((GrainTimer)state!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(options.DueTime, Timeout.InfiniteTimeSpan);
    }

    public bool Interleave { get; }

    public bool KeepAlive { get; }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        this.period = period;
        timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Runs the callback; called inside a turn of the activation.</summary>
    public async Task FireAsync()
    {
        if (disposed) return;
        try
        {
            await callback(stopped.Token);
        }
        catch (Exception exception)
        {
            activation.OnTimerFailed(exception);
        }
        finally
        {
            if (!disposed && period != Timeout.InfiniteTimeSpan) timer.Change(period, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        timer.Dispose();
        stopped.Cancel();
        stopped.Dispose();
        activation.OnTimerDisposed(this);
    }

    private void OnDue()
    {
        if (!disposed) activation.EnqueueTimerTick(this);
    }
}
