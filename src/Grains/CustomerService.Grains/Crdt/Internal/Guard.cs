namespace CustomerService.Grains.Crdt.Internal;

/// <summary>Argument checks shared by the CRDT types.</summary>
internal static class Guard
{
    /// <summary>Rejects <c>default(HybridTimestamp)</c>, which names no replica and so cannot be ordered fairly.</summary>
    public static void Stamp(HybridTimestamp stamp, string paramName)
    {
        if (string.IsNullOrEmpty(stamp.Replica))
            throw new ArgumentException("The stamp names no replica; take stamps from a HybridLogicalClock.", paramName);
    }
}
