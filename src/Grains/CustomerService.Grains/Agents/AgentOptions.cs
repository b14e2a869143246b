namespace CustomerService.Grains.Agents;

/// <summary>Presence timings of agent grains, bound from the <c>Agents</c> configuration section.</summary>
public sealed class AgentOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Agents";

    /// <summary>How long an online agent with no connection left stays online before going offline (a page reload
    /// or a short network loss must not re-queue its conversations).</summary>
    public TimeSpan PresenceGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a connection counts as open unless renewed by calling <c>Connect</c> again, so a front-end
    /// that died without saying so does not keep an agent online forever.</summary>
    public TimeSpan ConnectionExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an observer subscription lasts unless renewed.</summary>
    public TimeSpan SubscriptionExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most connections one agent keeps at once; beyond it the least recently renewed is dropped.</summary>
    public int MaxConnections { get; set; } = 50;
}
