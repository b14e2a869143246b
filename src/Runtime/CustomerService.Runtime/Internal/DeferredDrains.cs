namespace CustomerService.Runtime.Internal;

/// <summary>Lets a connection's read loop run the grain work its frames started on its own thread once it has handled
/// them, instead of handing the activation to the thread pool. Each hand-off wakes a pool worker (and the pool wakes
/// one more to look for further work), which on a busy machine costs more CPU than the turn a chat message starts.
/// Inside <see cref="Begin"/>, an activation that is given work while no drain of it is running or queued is
/// remembered here instead of queued; when the scope ends, the first one is drained on this thread (by the same rules
/// as on the pool: up to its per-drain limit, then it yields) and any others go to the thread pool, so a read that
/// brought work for many activations still spreads it over the cores.</summary>
/// <remarks>The scope must end on the thread that began it, with no lock held and no await in between. A turn that
/// blocks its thread (which turn-based grains must never do) would hold up the reading of its connection.</remarks>
internal static class DeferredDrains
{
    [ThreadStatic] private static bool open;
    [ThreadStatic] private static List<ActivationTaskScheduler>? pending;

    /// <summary>True when a drain scheduled on this thread is to wait for the end of the scope.</summary>
    public static bool IsOpen => open;

    /// <summary>Opens the scope (scopes do not nest).</summary>
    public static Scope Begin()
    {
        open = true;
        return default;
    }

    /// <summary>Remembers an activation's drain; called once per drain, by the scheduler that set itself scheduled.</summary>
    public static void Add(ActivationTaskScheduler scheduler) => (pending ??= []).Add(scheduler);

    private static void End()
    {
        open = false;
        if (pending is not { Count: > 0 } drains) return;
        var first = drains[0];
        for (var i = 1; i < drains.Count; i++) ThreadPool.UnsafeQueueUserWorkItem(drains[i], preferLocal: true);
        drains.Clear();
        first.Execute();
    }

    /// <summary>Ends the scope, running the remembered drains, when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        public void Dispose() => End();
    }
}
