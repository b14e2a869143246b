using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Internal;

/// <summary>A request on its way to an activation, or a timer tick queued as a turn. The cluster transport carries the
/// same fields (target, sender, request alias with its argument array, correlation id) in a frame.</summary>
internal sealed class Message
{
    private Message(GrainId target, GrainId? source, GrainRequest? request, IResponseSink? callback, GrainTimer? timer, InvokeMethodOptions options)
    {
        Target = target;
        Source = source;
        Request = request;
        Callback = callback;
        Timer = timer;
        Options = options;
    }

    public GrainId Target { get; }

    public GrainId? Source { get; }

    public GrainRequest? Request { get; }

    /// <summary>Where the response goes; null for one-way calls and timer ticks.</summary>
    public IResponseSink? Callback { get; }

    public GrainTimer? Timer { get; }

    public InvokeMethodOptions Options { get; }

    /// <summary>How many times this message was handed on: to a new activation after its first one went away, or
    /// to another silo by a silo that did not own its grain.</summary>
    public int ForwardCount { get; set; }

    /// <summary>True when the message arrived from another process over a connection.</summary>
    public bool FromRemote { get; init; }

    public bool IsReadOnly => (Options & InvokeMethodOptions.ReadOnly) != 0;

    public bool IsAlwaysInterleave => (Options & InvokeMethodOptions.AlwaysInterleave) != 0;

    public static Message ForRequest(GrainId target, GrainId? source, GrainRequest request, IResponseSink? callback)
        => new(target, source, request, callback, null, request.Options);

    public static Message FromConnection(GrainId target, GrainId? source, GrainRequest request, IResponseSink? callback, int forwardCount)
        => new(target, source, request, callback, null, request.Options) { FromRemote = true, ForwardCount = forwardCount };

    public static Message ForTimer(GrainId target, GrainTimer timer)
        => new(target, null, null, null, timer, timer.Interleave ? InvokeMethodOptions.AlwaysInterleave : InvokeMethodOptions.None);

    /// <summary>Fails the caller, if one waits.</summary>
    public void Fail(Exception exception) => Callback?.Complete(Response.FromException(exception));

    public override string ToString() => Request is null ? $"timer tick on {Target}" : $"{Request} on {Target}";
}
