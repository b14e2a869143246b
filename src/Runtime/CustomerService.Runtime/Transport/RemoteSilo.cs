using System.Net;
using System.Net.Sockets;
using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Transport;

/// <summary>An outgoing connection to another silo: sends calls and matches their responses. When the connection is
/// lost, every call waiting on it fails at once with <see cref="SiloUnavailableException"/>, so callers can retry
/// elsewhere instead of waiting for the response timeout.</summary>
internal sealed class RemoteSilo : IAsyncDisposable
{
    private readonly FramedConnection connection;
    private readonly CallbackRegistry callbacks;

    private RemoteSilo(FramedConnection connection, CallbackRegistry callbacks)
    {
        this.connection = connection;
        this.callbacks = callbacks;
        // The reason goes into the message: a connection closed by a bad frame or a failed read is a bug to find, a
        // peer that went away is not, and the callers' logs are where either shows up.
        _ = connection.Completion.ContinueWith(t =>
            {
                var reason = t.Exception?.GetBaseException() is { } e ? $" ({e.GetType().Name}: {e.Message})" : "";
                callbacks.FailCallsOn(connection, callback =>
                    new SiloUnavailableException($"The connection to {connection.RemoteEndPoint} was lost{reason} before {callback.Description} completed."));
            },
            TaskScheduler.Default);
    }

    public static async Task<RemoteSilo> ConnectAsync(IPEndPoint endpoint, MessageCodec codec, FrameDispatcher dispatcher,
        CallbackRegistry callbacks, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new SiloUnavailableException($"Cannot connect to the silo at {endpoint}: {exception.Message}");
        }

        var connection = new FramedConnection(socket, codec, dispatcher);
        connection.Start();
        return new RemoteSilo(connection, callbacks);
    }

    public bool IsConnected => !connection.IsClosed;

    public Task<Response> SendAsync(GrainId target, GrainId? source, GrainRequest request)
    {
        var callback = callbacks.Register(target, request);
        callback.Connection = connection;
        try
        {
            connection.SendRequest(callback.Id, target, source, request, oneWay: false);
        }
        catch (SiloUnavailableException exception)
        {
            callback.Complete(Response.FromException(exception));
        }

        return callback.Task;
    }

    /// <summary>Sends a routed message: its caller's callback waits on this connection (a local caller), or a new one
    /// relays the response (a message forwarded for a remote caller).</summary>
    public void Send(Message message)
    {
        var request = message.Request!;
        ResponseCallback? callback = null;
        switch (message.Callback)
        {
            case null:
                break;
            case ResponseCallback local:
                callback = local;
                break;
            case { } relay:
                callback = callbacks.Register(message.Target, request);
                _ = callback.Task.ContinueWith(t => relay.Complete(t.Result), TaskScheduler.Default);
                break;
        }

        if (callback is not null) callback.Connection = connection;
        try
        {
            connection.SendRequest(callback?.Id ?? 0, message.Target, message.Source, request, oneWay: callback is null, message.ForwardCount);
        }
        catch (SiloUnavailableException exception)
        {
            callback?.Complete(Response.FromException(exception));
        }
    }

    public void SendOneWay(GrainId target, GrainId? source, GrainRequest request)
        => connection.SendRequest(0, target, source, request, oneWay: true);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
