namespace CustomerService.Runtime;

/// <summary>Creates references to grains and to observer objects.</summary>
public interface IGrainFactory
{
    /// <summary>Gets a reference to the grain of interface <typeparamref name="TGrainInterface"/> with this key.
    /// The grain is activated on its first call; getting a reference costs no call.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;

    /// <summary>Makes <paramref name="observer"/> callable by grains. Keep a strong reference to the object
    /// for as long as it should receive calls, and delete the reference when done.</summary>
    TObserverInterface CreateObjectReference<TObserverInterface>(IGrainObserver observer)
        where TObserverInterface : IGrainObserver;

    /// <summary>Stops delivering calls to an observer created by <see cref="CreateObjectReference{T}"/>.</summary>
    void DeleteObjectReference<TObserverInterface>(IGrainObserver reference) where TObserverInterface : IGrainObserver;
}
