using System.Collections.Concurrent;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Invocation;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Internal;

/// <summary>Calls waiting for a response, by correlation id. One periodic scan fails the overdue ones, which is far
/// cheaper than a timer per call.</summary>
internal sealed class CallbackRegistry : IDisposable
{
    private readonly ConcurrentDictionary<long, ResponseCallback> pending = new();
    private readonly TimeProvider time;
    private readonly TimeSpan timeout;
    private readonly ITimer scan;
    private long nextId;

    public CallbackRegistry(TimeProvider time, IOptions<GrainRuntimeOptions> options)
    {
        this.time = time;
        timeout = options.Value.ResponseTimeout;
        var period = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
        scan = time.CreateTimer(_ => FailOverdue(), null, period, period);
    }

    public int Count => pending.Count;

    public ResponseCallback Register(GrainId target, GrainRequest request)
    {
        var id = Interlocked.Increment(ref nextId);
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        var callback = new ResponseCallback(id, deadline, this, target, request);
        pending[id] = callback;
        return callback;
    }

    public void Remove(long id) => pending.TryRemove(id, out _);

    public bool TryGet(long id, out ResponseCallback callback) => pending.TryGetValue(id, out callback!);

    /// <summary>Fails at once the calls that went out on a connection that is gone.</summary>
    public void FailCallsOn(object connection, Func<ResponseCallback, Exception> reason)
    {
        foreach (var callback in pending.Values)
            if (ReferenceEquals(callback.Connection, connection)) callback.Complete(Response.FromException(reason(callback)));
    }

    /// <summary>Fails every pending call (for example when the silo stops).</summary>
    public void FailAll(Func<ResponseCallback, Exception> reason)
    {
        foreach (var callback in pending.Values) callback.Complete(Response.FromException(reason(callback)));
    }

    private void FailOverdue()
    {
        var now = time.GetTimestamp();
        foreach (var callback in pending.Values)
        {
            if (callback.Deadline > now) continue;
            callback.Complete(Response.FromException(new TimeoutException(
                $"No response within {timeout} to {callback.Description}. The call may still run; " +
                $"retry only if it is idempotent (GrainRuntime:ResponseTimeout sets the limit).")));
        }
    }

    public void Dispose() => scan.Dispose();
}
