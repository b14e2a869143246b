using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CustomerService.Runtime.Transport;

/// <summary>Accepts connections from other silos and clients and serves their calls.</summary>
internal sealed class SiloListener : IAsyncDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly ConcurrentDictionary<FramedConnection, bool> connections = new();
    private readonly MessageCodec codec;
    private readonly FrameDispatcher dispatcher;
    private readonly CancellationTokenSource stopping = new();
    private int disposed;

    public SiloListener(IPEndPoint endpoint, MessageCodec codec, FrameDispatcher dispatcher)
    {
        this.codec = codec;
        this.dispatcher = dispatcher;
        socket.Bind(endpoint);
        socket.Listen(512);
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _ = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Where it listens (with the port the system chose when asked for port 0).</summary>
    public IPEndPoint EndPoint { get; }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await socket.AcceptAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var connection = new FramedConnection(accepted, codec, dispatcher);
            connections[connection] = true;
            _ = connection.Completion.ContinueWith(_ => connections.TryRemove(connection, out var _), TaskScheduler.Default);
            connection.Start();
        }
    }

    /// <summary>Stops accepting and drops every connection, as a dying silo would.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        stopping.Cancel();
        socket.Dispose();
        foreach (var connection in connections.Keys) await connection.DisposeAsync();
        stopping.Dispose();
    }
}
