namespace CustomerService.Runtime.Internal;

/// <summary>Runs the work of one activation one piece at a time on the thread pool. Grain code awaits without
/// ConfigureAwait(false), so its continuations come back here: that is what makes a grain single-threaded.</summary>
internal sealed class ActivationTaskScheduler(ActivationData activation) : TaskScheduler, IThreadPoolWorkItem
{
    private const int MaxTasksPerDrain = 64;

    [ThreadStatic] private static ActivationTaskScheduler? running;

    // A plain queue under its own lock rather than a ConcurrentQueue: most activations sit idle (a widget's visitor
    // grain, its conversation, the front-end's observer), and a ConcurrentQueue keeps a 32-slot segment (about 800
    // bytes) per activation for ever, where this keeps a few dozen bytes. The lock is held for an enqueue or a dequeue
    // only, and one drain runs at a time, so it is rarely contended; bench/README.md has the grain-call figures.
    private readonly Queue<Task> queue = new();
    private int scheduled;

    /// <summary>The activation whose work runs on the current thread, if any.</summary>
    public static ActivationData? CurrentActivation => running?.Activation;

    public ActivationData Activation { get; } = activation;

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task)
    {
        lock (queue) queue.Enqueue(task);
        if (Interlocked.CompareExchange(ref scheduled, 1, 0) == 0) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    public void Execute()
    {
        var previous = running;
        running = this;
        try
        {
            for (var i = 0; i < MaxTasksPerDrain && TryDequeue(out var task); i++) TryExecuteTask(task);
        }
        finally
        {
            running = previous;
            // A full fence (not a volatile write): the emptiness check below must not be reordered before this store,
            // or a task queued in between would find the flag still set and nobody would run it.
            Interlocked.Exchange(ref scheduled, 0);
            // Work queued while we were draining (or left over) needs another pass; yield the thread between passes
            // so one busy activation cannot starve the others.
            if (!IsEmpty() && Interlocked.CompareExchange(ref scheduled, 1, 0) == 0)
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private bool TryDequeue(out Task task)
    {
        lock (queue)
        {
            if (queue.TryDequeue(out task!)) return true;
            // A burst grew the array; an idle activation should not keep it.
            if (queue.Capacity > 16) queue.TrimExcess();
            return false;
        }
    }

    private bool IsEmpty()
    {
        lock (queue) return queue.Count == 0;
    }

    // Inline only when this activation's work is already running on this thread: it cannot overlap anything.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
        => !taskWasPreviouslyQueued && running == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (queue) return queue.ToArray();
    }
}
