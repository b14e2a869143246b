using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bench.Runtime;

/// <summary>The far side of the cross-process benchmark, run as a child process: a silo serving grain calls over TCP,
/// and a bare length-prefixed TCP echo server (the floor).</summary>
internal static class RemoteHost
{
    public static async Task RunAsync()
    {
        await using var cluster = await new TestClusterBuilder().BuildAndStartAsync();
        var services = cluster.ServiceProvider;
        var codec = new MessageCodec(services.GetRequiredService<CustomerService.Runtime.Serialization.IGrainSerializer>(),
            services.GetRequiredService<CustomerService.Runtime.Serialization.ExceptionCodec>());
        await using var silo = new SiloListener(new IPEndPoint(IPAddress.Loopback, 0), codec,
            new FrameDispatcher(services, services.GetRequiredService<CallbackRegistry>()));
        using var echo = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        echo.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        echo.Listen(128);
        _ = Task.Run(() => AcceptEchoAsync(echo));

        Console.WriteLine($"READY {silo.EndPoint.Port} {((IPEndPoint)echo.LocalEndPoint!).Port}");
        await Console.In.ReadToEndAsync(); // the parent closes stdin when it is done
    }

    private static async Task AcceptEchoAsync(Socket listener)
    {
        while (true)
        {
            var client = await listener.AcceptAsync();
            client.NoDelay = true;
            _ = Task.Run(() => EchoAsync(client));
        }
    }

    // Reads a 4-byte length and that many bytes, writes the same back: a request/response with no work at all.
    private static async Task EchoAsync(Socket client)
    {
        var header = new byte[4];
        var body = new byte[64 * 1024];
        try
        {
            while (true)
            {
                await ReceiveExactlyAsync(client, header);
                var length = BinaryPrimitives.ReadInt32LittleEndian(header);
                await ReceiveExactlyAsync(client, body.AsMemory(0, length));
                await client.SendAsync(header);
                await client.SendAsync(body.AsMemory(0, length));
            }
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            client.Dispose();
        }
    }

    public static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var read = await socket.ReceiveAsync(buffer);
            if (read == 0) throw new IOException("closed");
            buffer = buffer[read..];
        }
    }
}
