using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Internal;

/// <summary>Runs the outgoing filters in order, then sends the call.</summary>
internal sealed class OutgoingCallContext(GrainId target, GrainId? source, GrainRequest request, IOutgoingGrainCallFilter[] filters,
    Func<GrainId, GrainId?, GrainRequest, Task<Response>> send) : IOutgoingGrainCallContext
{
    private int stage;

    public GrainId TargetId { get; } = target;

    public GrainId? SourceId { get; } = source;

    public GrainRequest Request { get; } = request;

    public Response? Response { get; private set; }

    public object? Result
    {
        get => Response?.Result;
        set
        {
            if (Response is null || Response.Exception is not null) Response = Request.CreateResponse(value);
            else Response.Result = value;
        }
    }

    public async Task Invoke()
    {
        if (stage < filters.Length)
        {
            await filters[stage++].Invoke(this);
            return;
        }

        Response = await send(TargetId, SourceId, Request);
        // A failed call surfaces to the filters as the exception, as a direct call would.
        Response.ThrowIfFailed();
    }
}
