using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Internal;

/// <summary>A caller waiting for a response: completed by the response, or failed by the timeout scan.</summary>
internal sealed class ResponseCallback(long id, long deadline, CallbackRegistry registry, GrainId target, GrainRequest request)
    : TaskCompletionSource<Response>(TaskCreationOptions.RunContinuationsAsynchronously), IResponseSink
{
    public bool CopiesResponse => true;

    /// <summary>The request this callback waits on; a response frame is read with it.</summary>
    public GrainRequest Request { get; } = request;

    /// <summary>The connection the request went out on, if it left this process; losing it fails the call at once.</summary>
    public object? Connection { get; set; }

    public long Id { get; } = id;

    /// <summary>A <see cref="TimeProvider.GetTimestamp"/> value after which the call times out.</summary>
    public long Deadline { get; } = deadline;

    public GrainId Target { get; } = target;

    // Built only when needed (timeouts, errors), so the call path allocates no string.
    public string Description => $"{Request} on {Target}";

    public void Complete(Response response)
    {
        registry.Remove(Id);
        TrySetResult(response);
    }
}
