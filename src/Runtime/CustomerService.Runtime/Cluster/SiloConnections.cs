using System.Collections.Concurrent;
using System.Net;
using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Membership;
using CustomerService.Runtime.Transport;

namespace CustomerService.Runtime.Cluster;

/// <summary>One outgoing connection per peer silo, opened on first use and replaced when it drops.</summary>
internal sealed class SiloConnections(MessageCodec codec, FrameDispatcher dispatcher, CallbackRegistry callbacks) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<SiloAddress, Lazy<Task<RemoteSilo>>> connections = new();

    public async Task<RemoteSilo> GetAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lazy = connections.GetOrAdd(silo, s => new Lazy<Task<RemoteSilo>>(() => ConnectAsync(s, cancellationToken)));
            RemoteSilo remote;
            try
            {
                remote = await lazy.Value;
            }
            catch
            {
                connections.TryRemove(KeyValuePair.Create(silo, lazy));
                throw;
            }

            if (remote.IsConnected) return remote;
            connections.TryRemove(KeyValuePair.Create(silo, lazy));
        }
    }

    /// <summary>Closes the connection to a silo that is gone: calls waiting on it fail at once.</summary>
    public async Task DropAsync(SiloAddress silo)
    {
        if (connections.TryRemove(silo, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            await lazy.Value.Result.DisposeAsync();
    }

    private Task<RemoteSilo> ConnectAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        var address = IPAddress.TryParse(silo.Host, out var ip) ? ip : Dns.GetHostAddresses(silo.Host)[0];
        return RemoteSilo.ConnectAsync(new IPEndPoint(address, silo.Port), codec, dispatcher, callbacks, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in connections.Keys) await DropAsync(silo);
    }
}
