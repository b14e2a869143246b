using CustomerService.Runtime.Invocation;
using CustomerService.Runtime.Serialization;

namespace CustomerService.Runtime.Internal;

/// <summary>Sends calls made through grain references: copies the arguments, runs the outgoing filters, registers
/// the caller for the response and hands the message to the router (this silo, or the grain's owner silo).</summary>
internal sealed class GrainCallInvoker(
    IMessageRouter router,
    CallbackRegistry callbacks,
    IDeepCopier copier,
    IEnumerable<IOutgoingGrainCallFilter> outgoingFilters) : IGrainCallInvoker
{
    private readonly IOutgoingGrainCallFilter[] filters = [.. outgoingFilters];

    public Task<Response> InvokeAsync(GrainReference target, GrainRequest request)
    {
        request.CopyArguments(copier);
        var source = ActivationTaskScheduler.CurrentActivation?.GrainId;
        return filters.Length == 0
            ? Send(target.GrainId, source, request)
            : InvokeWithFiltersAsync(new OutgoingCallContext(target.GrainId, source, request, filters, Send));
    }

    public void InvokeOneWay(GrainReference target, GrainRequest request)
    {
        request.CopyArguments(copier);
        router.Route(Message.ForRequest(target.GrainId, ActivationTaskScheduler.CurrentActivation?.GrainId, request, null));
    }

    private Task<Response> Send(GrainId target, GrainId? source, GrainRequest request)
    {
        var callback = callbacks.Register(target, request);
        router.Route(Message.ForRequest(target, source, request, callback));
        return callback.Task;
    }

    private static async Task<Response> InvokeWithFiltersAsync(OutgoingCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception)
        {
            return Response.FromException(exception);
        }

        return context.Response ?? context.Request.CreateResponse(null);
    }
}
