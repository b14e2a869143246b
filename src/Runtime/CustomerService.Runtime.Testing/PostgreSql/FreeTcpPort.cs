using System.Net;
using System.Net.Sockets;

namespace CustomerService.Runtime.Testing.PostgreSql;

/// <summary>Picks a loopback TCP port that is free right now. Another process can take it before the server binds
/// it, so callers retry with a new port when binding fails.</summary>
internal static class FreeTcpPort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
