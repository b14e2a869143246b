namespace CustomerService.Grains.Tests;

/// <summary>What every test observer shares: it records each event it receives and lets a test wait, with a timeout,
/// for the first one (received or still to come) of a type that matches.</summary>
internal abstract class EventLog
{
    private readonly Lock gate = new();
    private readonly List<object> events = [];
    private readonly List<(Func<object, bool> Match, TaskCompletionSource<object> Done)> waiters = [];

    public IReadOnlyList<object> Events
    {
        get { lock (gate) return [.. events]; }
    }

    public IReadOnlyList<T> All<T>() => [.. Events.OfType<T>()];

    public async Task<T> WaitFor<T>(Func<T, bool>? match = null)
    {
        bool Matches(object e) => e is T t && (match?.Invoke(t) ?? true);
        var done = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var found = events.FirstOrDefault(Matches);
            if (found is not null) return (T)found;
            waiters.Add((Matches, done));
        }

        return (T)await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    protected Task Add(object e)
    {
        List<TaskCompletionSource<object>> completed;
        lock (gate)
        {
            events.Add(e);
            completed = [.. waiters.Where(w => w.Match(e)).Select(w => w.Done)];
            waiters.RemoveAll(w => completed.Contains(w.Done));
        }

        foreach (var done in completed) done.TrySetResult(e);
        return Task.CompletedTask;
    }
}
