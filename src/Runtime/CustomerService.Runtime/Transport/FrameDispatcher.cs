using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Transport;

/// <summary>Hands requests read from any connection to this process's activations, and responses to the calls
/// waiting for them.</summary>
internal sealed class FrameDispatcher(Catalog catalog, CallbackRegistry callbacks, MessageCodec codec) : IFrameHandler
{
    public GrainRequest? PendingRequest(long id) => callbacks.TryGet(id, out var callback) ? callback.Request : null;

    public void OnMessage(FramedConnection connection, WireMessage message)
    {
        switch (message)
        {
            case WireRequest request:
                var sink = request.OneWay ? null : new RemoteResponseSink(connection, codec, request.Id);
                catalog.Deliver(Message.ForRequest(request.Target, request.Source, request.Request, sink));
                break;
            case WireResponse response when callbacks.TryGet(response.Id, out var callback):
                callback.Complete(response.Response);
                break;
        }
    }
}
