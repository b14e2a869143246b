namespace CustomerService.Runtime;

/// <summary>A state write or clear was based on a version that is no longer the stored one: another activation or
/// handle wrote in between. Nothing was changed. Re-read, re-decide (or merge), and write again.</summary>
public class InconsistentStateException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public InconsistentStateException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the stored and the expected ETags.</summary>
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base($"{message} (stored version: {storedEtag ?? "none"}, this write expected: {currentEtag ?? "none"})")
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The version in storage, when known.</summary>
    public string? StoredEtag { get; init; }

    /// <summary>The version the failed write expected.</summary>
    public string? CurrentEtag { get; init; }
}
