using System.Collections.Concurrent;

namespace CustomerService.Runtime.Internal;

/// <summary>Runs the work of one activation one piece at a time on the thread pool. Grain code awaits without
/// ConfigureAwait(false), so its continuations come back here: that is what makes a grain single-threaded.</summary>
internal sealed class ActivationTaskScheduler(ActivationData activation) : TaskScheduler, IThreadPoolWorkItem
{
    private const int MaxTasksPerDrain = 64;

    [ThreadStatic] private static ActivationTaskScheduler? running;

    private readonly ConcurrentQueue<Task> queue = new();
    private int scheduled;

    /// <summary>The activation whose work runs on the current thread, if any.</summary>
    public static ActivationData? CurrentActivation => running?.Activation;

    public ActivationData Activation { get; } = activation;

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task)
    {
        queue.Enqueue(task);
        if (Interlocked.CompareExchange(ref scheduled, 1, 0) == 0) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    public void Execute()
    {
        var previous = running;
        running = this;
        try
        {
            for (var i = 0; i < MaxTasksPerDrain && queue.TryDequeue(out var task); i++) TryExecuteTask(task);
        }
        finally
        {
            running = previous;
            // A full fence (not a volatile write): the emptiness check below must not be reordered before this store,
            // or a task queued in between would find the flag still set and nobody would run it.
            Interlocked.Exchange(ref scheduled, 0);
            // Work queued while we were draining (or left over) needs another pass; yield the thread between passes
            // so one busy activation cannot starve the others.
            if (!queue.IsEmpty && Interlocked.CompareExchange(ref scheduled, 1, 0) == 0)
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    // Inline only when this activation's work is already running on this thread: it cannot overlap anything.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
        => !taskWasPreviouslyQueued && running == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();
}
