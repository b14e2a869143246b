using System.Buffers;
using System.Net.WebSockets;
using CustomerService.Bench.Relay.Hubs;

namespace CustomerService.Bench.Relay.Echo;

/// <summary>
/// The second floor of DESIGN.md section 7: a raw Kestrel WebSocket that sends every frame straight back. No SignalR,
/// no JSON, no groups: what a message costs when only the socket, Kestrel and the load generator are involved.
/// </summary>
public static class EchoEndpoint
{
    // Load-generator frames are about 100 bytes; a bigger one is read in parts and echoed whole.
    private const int BufferSize = 4096;

    public static IEndpointRouteBuilder MapEcho(this IEndpointRouteBuilder app)
    {
        app.Map("/echo", async (HttpContext context, ConnectionCounter counter) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("/echo takes WebSocket requests only");
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            counter.Connected();
            try
            {
                await EchoAsync(socket, context.RequestAborted);
            }
            finally
            {
                counter.Disconnected();
            }
        });
        return app;
    }

    private static async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                    return;
                }
                await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away: nothing to echo to.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
