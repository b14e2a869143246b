using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Invocation;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Transport;

/// <summary>Hands requests read from any connection to the router (this silo's activations, or on to the owner when
/// views differ), and responses to the calls waiting for them.</summary>
internal sealed class FrameDispatcher(IServiceProvider services, CallbackRegistry callbacks) : IFrameHandler
{
    // Resolved late: the router needs the connections, which need this dispatcher.
    private readonly Lazy<IMessageRouter> router = new(services.GetRequiredService<IMessageRouter>);

    public GrainRequest? PendingRequest(long id) => callbacks.TryGet(id, out var callback) ? callback.Request : null;

    public void OnMessage(FramedConnection connection, WireMessage message)
    {
        switch (message)
        {
            case WireRequest request:
                var sink = request.OneWay ? null : new RemoteResponseSink(connection, request.Id);
                router.Value.Route(Message.FromConnection(request.Target, request.Source, request.Request, sink, request.ForwardCount));
                break;
            case WireResponse response when callbacks.TryGet(response.Id, out var callback):
                callback.Complete(response.Response);
                break;
        }
    }
}
