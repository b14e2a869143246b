namespace CustomerService.Runtime.Internal;

internal enum ActivationStatus
{
    /// <summary>Queued messages wait while the grain is constructed, its state loaded and OnActivateAsync runs.</summary>
    Activating,
    /// <summary>Processing messages.</summary>
    Valid,
    /// <summary>Waiting for turns in progress to end, then deactivating; new messages wait and are forwarded after.</summary>
    Deactivating,
    /// <summary>Gone: it accepts nothing, and the catalog no longer lists it.</summary>
    Invalid,
}
