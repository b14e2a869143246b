using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Internal;

/// <summary>Creates grain and observer references bound to this process's invoker.</summary>
internal sealed class GrainFactory(GrainTypeResolver types, IGrainCallInvoker invoker, Catalog catalog, IServiceProvider services) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        if (string.IsNullOrEmpty(primaryKey))
            throw new ArgumentException($"A {typeof(TGrainInterface).Name} key must be a non-empty string.", nameof(primaryKey));
        var (proxy, grainType) = types.ForInterface(typeof(TGrainInterface));
        return (TGrainInterface)(object)proxy.CreateProxy(new GrainId(grainType, primaryKey), invoker);
    }

    public TObserverInterface CreateObjectReference<TObserverInterface>(IGrainObserver observer) where TObserverInterface : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (observer is GrainReference)
            throw new ArgumentException("This is already a reference; pass the observer object itself.", nameof(observer));
        if (observer is not TObserverInterface)
            throw new ArgumentException($"{observer.GetType().Name} does not implement {typeof(TObserverInterface).Name}.", nameof(observer));
        var proxy = GrainManifest.GetInterface(typeof(TObserverInterface));
        // In a cluster the key names this silo, so grains on other silos can call the observer back.
        var identity = services.GetService(typeof(Cluster.SiloIdentity)) as Cluster.SiloIdentity;
        var key = identity is { IsSet: true } ? Cluster.ObserverKeys.Create(identity.Address) : Guid.NewGuid().ToString("N");
        var id = new GrainId(GrainId.ObserverType, key);
        catalog.RegisterObserver(id, observer);
        return (TObserverInterface)(object)proxy.CreateProxy(id, invoker);
    }

    public void DeleteObjectReference<TObserverInterface>(IGrainObserver reference) where TObserverInterface : IGrainObserver
    {
        if (reference is not GrainReference { GrainId.IsObserver: true } observerReference)
            throw new ArgumentException("Pass the reference returned by CreateObjectReference.", nameof(reference));
        catalog.RemoveObserver(observerReference.GrainId);
    }
}
