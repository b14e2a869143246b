namespace CustomerService.Runtime.Invocation;

/// <summary>How a grain method is scheduled, from its attributes.</summary>
[Flags]
public enum InvokeMethodOptions
{
    /// <summary>A normal call: one turn at a time, the caller waits for the response.</summary>
    None = 0,
    /// <summary><see cref="OneWayAttribute"/>.</summary>
    OneWay = 1,
    /// <summary><see cref="ReadOnlyAttribute"/>.</summary>
    ReadOnly = 2,
    /// <summary><see cref="AlwaysInterleaveAttribute"/>.</summary>
    AlwaysInterleave = 4,
}
