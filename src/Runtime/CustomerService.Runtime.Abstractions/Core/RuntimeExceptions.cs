namespace CustomerService.Runtime;

/// <summary>The silo that should have handled a call is not available (stopped, stopping or unreachable). The call
/// may or may not have run; retry it if it is idempotent.</summary>
public class SiloUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiloUnavailableException(string message) : base(message)
    {
    }
}

/// <summary>A grain called an observer object that no longer exists: it was deleted or its process is gone.
/// Observer sets drop such observers.</summary>
public class ObserverNotAvailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ObserverNotAvailableException(string message) : base(message)
    {
    }
}

/// <summary>A grain call failed with an exception whose type the caller's process cannot recreate.
/// <see cref="Exception.Message"/> is the original message; <see cref="OriginalTypeName"/> its type.</summary>
public class GrainInvocationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainInvocationException(string message) : base(message)
    {
    }

    /// <summary>The full name of the exception type thrown by the grain.</summary>
    public string? OriginalTypeName { get; init; }
}
