using CustomerService.Runtime.Invocation;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Internal;

/// <summary>One activation of one grain (or one observer object): its instance, its message queue and the rules that
/// decide which queued message may start a turn.</summary>
internal sealed partial class ActivationData : IGrainContext
{
    private readonly object gate = new();
    private readonly Queue<Message> waiting = new();
    private readonly List<IActivationState> states = [];
    // Created with the first timer: most activations never have one.
    private List<GrainTimer>? timers;
    private readonly Catalog catalog;
    private readonly GrainClassEntry? entry;
    private readonly Action<object?> startTurn;
    private readonly TaskCompletionSource deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActivationStatus status;
    private int running;
    private int runningNotReadOnly;
    private bool deactivationScheduled;
    private DeactivationReason deactivationReason;
    private long keepAliveUntil;

    private ActivationData(GrainId grainId, Catalog catalog, GrainClassEntry? entry, object? instance)
    {
        GrainId = grainId;
        this.catalog = catalog;
        this.entry = entry;
        Instance = instance;
        Scheduler = new ActivationTaskScheduler(this);
        startTurn = state => _ = RunTurnAsync((Message)state!);
        LastActivity = catalog.Time.GetTimestamp();
        CollectionAge = entry?.CollectionAge ?? catalog.Options.CollectionAge;
        status = instance is null ? ActivationStatus.Activating : ActivationStatus.Valid;
    }

    public static ActivationData ForGrain(GrainId grainId, GrainClassEntry entry, Catalog catalog) => new(grainId, catalog, entry, null);

    public static ActivationData ForObserver(GrainId grainId, object observer, Catalog catalog) => new(grainId, catalog, null, observer);

    public GrainId GrainId { get; }

    public object? Instance { get; private set; }

    public ActivationTaskScheduler Scheduler { get; }

    public long LastActivity { get; private set; }

    public TimeSpan CollectionAge { get; }

    public bool IsObserver => entry is null;

    public bool IsReentrant => entry?.IsReentrant ?? false;

    /// <summary>Completes when the activation is gone (deactivated, or its activation failed).</summary>
    public Task Deactivated => deactivated.Task;

    public IGrainFactory GrainFactory => catalog.GrainFactory;

    public IServiceProvider ActivationServices => catalog.Services;

    public ActivationStatus Status
    {
        get
        {
            lock (gate) return status;
        }
    }

    /// <summary>Queues a message; false when the activation is gone and the message must go to a new one.</summary>
    public bool Enqueue(Message message)
    {
        lock (gate)
        {
            if (status == ActivationStatus.Invalid) return false;
            waiting.Enqueue(message);
            if (status == ActivationStatus.Valid) StartRunnableTurns();
            return true;
        }
    }

    public void EnqueueTimerTick(GrainTimer timer)
    {
        if (!Enqueue(Message.ForTimer(GrainId, timer))) timer.Dispose();
    }

    /// <summary>True when the activation has been idle longer than its collection age and nothing keeps it.</summary>
    public bool IsIdleSince(long now)
    {
        lock (gate)
        {
            return status == ActivationStatus.Valid && running == 0 && waiting.Count == 0 && now >= keepAliveUntil
                   && catalog.Time.GetElapsedTime(LastActivity, now) >= CollectionAge;
        }
    }

    // Called with the gate held. Messages start in arrival order: the head waits until it may run.
    private void StartRunnableTurns()
    {
        while (waiting.Count > 0 && status == ActivationStatus.Valid && MayStart(waiting.Peek()))
        {
            var message = waiting.Dequeue();
            running++;
            if (!message.IsReadOnly) runningNotReadOnly++;
            new Task(startTurn, message).Start(Scheduler);
        }
    }

    private bool MayStart(Message message)
        => running == 0
           || IsReentrant
           || message.IsAlwaysInterleave
           || (message.IsReadOnly && runningNotReadOnly == 0);

    private async Task RunTurnAsync(Message message)
    {
        if (message.Timer is not { KeepAlive: false }) LastActivity = catalog.Time.GetTimestamp();
        if (message.Timer is { } timer)
        {
            await timer.FireAsync();
            OnTurnCompleted(message);
            return;
        }

        Response response;
        try
        {
            response = await catalog.InvokeAsync(this, message.Request!);
            if (message.Callback is { CopiesResponse: true }) response.CopyResult(catalog.Copier);
        }
        catch (Exception exception)
        {
            // Orleans' rule: a stale state write means this activation's view is wrong; start afresh next time.
            if (exception is InconsistentStateException) RequestDeactivation(new(DeactivationReasonCode.ActivationFailed, exception.Message));
            response = Response.FromException(message.Callback is { CopiesResponse: true } ? catalog.Exceptions.Copy(exception) : exception);
        }

        // End the turn before answering: a caller that sees the response sees the activation idle again (nothing
        // else can start in between, since this task still holds the activation's scheduler).
        OnTurnCompleted(message);
        message.Callback?.Complete(response);
    }

    private void OnTurnCompleted(Message message)
    {
        lock (gate)
        {
            running--;
            if (!message.IsReadOnly) runningNotReadOnly--;
            if (status == ActivationStatus.Deactivating) ScheduleDeactivationIfQuiet();
            else StartRunnableTurns();
        }
    }
}
