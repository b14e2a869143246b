using System.Collections.Concurrent;

namespace CustomerService.Runtime.Utilities;

/// <summary>A task scheduler with one thread of its own, for a loop that blocks while it works: a SQLite writer.
/// Microsoft.Data.Sqlite's asynchronous methods run synchronously, so a commit holds its thread for the whole fsync;
/// on the thread pool of a small machine a few such commits at once starve every grain turn until the pool grows
/// (about one thread per half second), which is the start-up stall of issue #6. A loop started here with
/// <see cref="Run"/> resumes on this thread after each <c>await</c> that does not use <c>ConfigureAwait(false)</c>, so
/// its blocking work never occupies a pool thread.</summary>
public sealed class DedicatedThreadScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> tasks = [];
    private readonly Thread thread;

    /// <summary>Starts the thread (a background thread: it never keeps the process alive).</summary>
    public DedicatedThreadScheduler(string name)
    {
        thread = new Thread(Work) { IsBackground = true, Name = name };
        thread.Start();
    }

    /// <summary>Runs <paramref name="loop"/> on this scheduler's thread; its completion is the returned task's.</summary>
    public Task Run(Func<Task> loop) =>
        Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Lets the thread end once the tasks already queued have run.</summary>
    public void Dispose() => tasks.CompleteAdding();

    /// <inheritdoc />
    protected override void QueueTask(Task task)
    {
        try
        {
            tasks.Add(task);
        }
        catch (InvalidOperationException)
        {
            // Disposed: whatever still arrives (a continuation after the loop's end) runs on the pool instead.
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Item1.TryExecuteTask(t.Item2), (this, task), preferLocal: false);
        }
    }

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread == thread && TryExecuteTask(task);

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks() => tasks.ToArray();

    private void Work()
    {
        foreach (var task in tasks.GetConsumingEnumerable()) TryExecuteTask(task);
    }
}
