namespace CustomerService.Grains.Agents;

/// <summary>The persistent state of an agent. Connections are not here: they are renewed by the front-ends, and a
/// new activation learns them again (see <see cref="AgentGrain"/>).</summary>
public sealed class AgentState
{
    /// <summary>Initialized and not removed.</summary>
    public bool Exists { get; set; }

    /// <summary>The login email.</summary>
    public string Email { get; set; } = "";

    /// <summary>The display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Agent or admin.</summary>
    public AgentRole Role { get; set; }

    /// <summary>Online, away or offline.</summary>
    public AgentStatus Status { get; set; }

    /// <summary>How many conversations at once.</summary>
    public int Capacity { get; set; } = 5;

    /// <summary>Group ids.</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>The password hash to check logins against.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Assigned conversations (full keys) with the agent's unread count in each.</summary>
    public Dictionary<string, long> Conversations { get; set; } = [];
}
