namespace CustomerService.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode
{
    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,
    /// <summary>It was idle longer than the collection age.</summary>
    IdleCollection,
    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,
    /// <summary>The grain now belongs to another silo.</summary>
    Migrating,
    /// <summary>Activation failed or a call left the activation in an unknown state.</summary>
    ActivationFailed,
}

/// <summary>The reason passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
/// <param name="Code">The kind of reason.</param>
/// <param name="Description">A human-readable explanation for logs.</param>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description);
