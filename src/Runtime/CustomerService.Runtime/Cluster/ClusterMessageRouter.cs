using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Membership;

namespace CustomerService.Runtime.Cluster;

/// <summary>Runs a message here when this silo owns its grain (by the ring) and sends it to the owner otherwise.
/// Observers run where they were created (their key names that silo). A message that came from another silo which
/// thought this one owned it is forwarded once; if the views still differ it fails with a retryable error.</summary>
internal sealed class ClusterMessageRouter(Catalog catalog, ClusterPlacement placement, SiloConnections connections, SiloIdentity identity)
    : IMessageRouter
{
    private const int MaxForwards = 1;

    public void Route(Message message)
    {
        var owner = OwnerOf(message.Target);
        if (owner is null || owner == identity.Address)
        {
            catalog.Deliver(message);
            return;
        }

        if (message.FromRemote)
        {
            if (message.ForwardCount >= MaxForwards)
            {
                message.Fail(new SiloUnavailableException(
                    $"{message} was forwarded {message.ForwardCount} time(s) while silos disagree about its owner (membership is changing). Retry."));
                return;
            }

            message.ForwardCount++;
        }

        _ = SendAsync(owner, message);
    }

    private SiloAddress? OwnerOf(GrainId target)
    {
        if (target.IsObserver) return ObserverKeys.HostOf(target);
        return placement.Ring?.GetOwner(target);
    }

    private async Task SendAsync(SiloAddress owner, Message message)
    {
        try
        {
            var remote = await connections.GetAsync(owner, CancellationToken.None);
            remote.Send(message);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or IOException or System.Net.Sockets.SocketException)
        {
            message.Fail(new SiloUnavailableException($"Silo {owner}, which owns {message.Target}, cannot be reached: {exception.Message} Retry."));
        }
    }
}
