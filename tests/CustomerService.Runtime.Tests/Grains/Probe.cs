using System.Collections.Concurrent;

namespace CustomerService.Runtime.Tests.Grains;

/// <summary>A shared recorder the test grains write to, so tests observe what grains did and when.
/// Registered as a singleton in the test silo.</summary>
public sealed class Probe
{
    private readonly ConcurrentQueue<string> events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> signals = new();

    public HashSet<string> FailActivationFor { get; } = [];

    public IReadOnlyList<string> Events => [.. events];

    public void Record(string @event)
    {
        events.Enqueue(@event);
        Signal(@event).TrySetResult();
    }

    /// <summary>Completes when <paramref name="event"/> has been recorded.</summary>
    public Task WhenRecorded(string @event) => Signal(@event).Task.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>A gate grains wait on until the test opens it.</summary>
    public Task Gate(string name) => gates.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Open(string name) => gates.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public int Count(string prefix) => events.Count(e => e.StartsWith(prefix, StringComparison.Ordinal));

    private TaskCompletionSource Signal(string name) => signals.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}
