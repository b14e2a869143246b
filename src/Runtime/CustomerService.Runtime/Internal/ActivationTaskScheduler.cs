using CustomerService.Runtime.Transport;

namespace CustomerService.Runtime.Internal;

/// <summary>Runs the work of one activation one piece at a time on the thread pool. Grain code awaits without
/// ConfigureAwait(false), so its continuations come back here: that is what makes a grain single-threaded.</summary>
internal sealed class ActivationTaskScheduler(ActivationData activation) : TaskScheduler, IThreadPoolWorkItem
{
    private const int MaxTasksPerDrain = 64;

    [ThreadStatic] private static ActivationTaskScheduler? running;

    // A plain queue under a lock rather than a ConcurrentQueue: most activations sit idle (a widget's visitor grain,
    // its conversation, the front-end's observer), and a ConcurrentQueue keeps a 32-slot segment (about 800 bytes) per
    // activation for ever, where this keeps a few dozen bytes. The lock is held for one enqueue or dequeue, and one
    // drain runs at a time, so it is rarely contended; bench/README.md has the grain-call figures.
    private readonly Lock sync = new();
    private readonly Queue<Task> queue = new();
    private int scheduled;

    /// <summary>The activation whose work runs on the current thread, if any.</summary>
    public static ActivationData? CurrentActivation => running?.Activation;

    public ActivationData Activation { get; } = activation;

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task)
    {
        lock (sync) queue.Enqueue(task);
        if (Interlocked.CompareExchange(ref scheduled, 1, 0) != 0) return;
        // On a connection's read loop the drain waits for the frames it is handling and then runs on that thread.
        if (DeferredDrains.IsOpen) DeferredDrains.Add(this);
        else ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    public void Execute()
    {
        var previous = running;
        running = this;
        try
        {
            for (var i = 0; i < MaxTasksPerDrain; i++)
            {
                if (!TryDequeueOrStop(out var task)) return;
                // Frames the work sends (responses, one-way notifications, calls) leave together when it ends.
                using (FrameBatch.Begin()) TryExecuteTask(task);
            }
        }
        finally
        {
            running = previous;
        }

        // Still work after a full drain: stay scheduled, but yield the thread so that one busy activation cannot
        // starve the others.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    // The flag is cleared under the lock that saw the queue empty: a task queued after that finds it clear and
    // schedules a drain; one queued before it was seen here. So no task is left without a drain coming.
    private bool TryDequeueOrStop(out Task task)
    {
        lock (sync)
        {
            if (queue.TryDequeue(out task!)) return true;
            if (queue.Capacity > 16) queue.TrimExcess(); // a burst grew it; an idle activation should not keep that
            Volatile.Write(ref scheduled, 0);
            return false;
        }
    }

    // Inline only when this activation's work is already running on this thread: it cannot overlap anything.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
        => !taskWasPreviouslyQueued && running == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (sync) return queue.ToArray();
    }
}
