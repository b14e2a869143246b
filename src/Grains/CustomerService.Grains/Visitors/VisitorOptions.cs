namespace CustomerService.Grains.Visitors;

/// <summary>Presence timings of visitor grains, bound from the <c>Visitors</c> configuration section.</summary>
public sealed class VisitorOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Visitors";

    /// <summary>How long a widget connection counts as open unless renewed by calling <c>Connect</c> again.</summary>
    public TimeSpan ConnectionExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most connections one visitor keeps at once; beyond it the least recently renewed is dropped.</summary>
    public int MaxConnections { get; set; } = 50;
}
