using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Internal;

/// <summary>Runs the incoming filters in order, then the grain method.</summary>
internal sealed class IncomingCallContext(object grain, GrainId target, GrainRequest request, IIncomingGrainCallFilter[] filters)
    : IIncomingGrainCallContext
{
    private int stage;

    public object Grain { get; } = grain;

    public GrainId TargetId { get; } = target;

    public GrainRequest Request { get; } = request;

    public Response? Response { get; private set; }

    public object? Result
    {
        get => Response?.Result;
        set
        {
            if (Response is null) Response = Request.CreateResponse(value);
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

        Response = await Request.InvokeAsync(Grain);
    }
}
