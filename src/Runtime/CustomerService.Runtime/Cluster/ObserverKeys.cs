using CustomerService.Runtime.Membership;

namespace CustomerService.Runtime.Cluster;

/// <summary>In a cluster an observer's key names the silo that hosts it (<c>{silo address}/{id}</c>), so calls from
/// any silo find their way back to it.</summary>
internal static class ObserverKeys
{
    public static string Create(SiloAddress host) => $"{host}/{Guid.NewGuid():N}";

    public static SiloAddress? HostOf(GrainId observer)
    {
        var slash = observer.Key.LastIndexOf('/');
        return slash > 0 && SiloAddress.TryParse(observer.Key[..slash], out var host) ? host : null;
    }
}
