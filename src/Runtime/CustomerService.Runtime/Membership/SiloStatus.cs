namespace CustomerService.Runtime.Membership;

/// <summary>The life cycle of a silo as recorded in the membership table (Orleans' names and order).</summary>
public enum SiloStatus
{
    /// <summary>No status yet.</summary>
    None = 0,

    /// <summary>The process is created but has not started joining.</summary>
    Created = 1,

    /// <summary>Joining the cluster: checking it can reach every Active silo.</summary>
    Joining = 2,

    /// <summary>Serving: owns its share of the placement ring.</summary>
    Active = 3,

    /// <summary>Leaving gracefully: handing its activations over.</summary>
    ShuttingDown = 4,

    /// <summary>Stopping abruptly (no hand-over).</summary>
    Stopping = 5,

    /// <summary>Gone for good: left, or declared dead by its peers. A silo that reads itself as Dead stops at once.</summary>
    Dead = 6,
}
