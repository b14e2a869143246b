using CustomerService.Grains.Agents;

namespace CustomerService.Grains.Tenants;

/// <summary>The persistent state of a tenant.</summary>
public sealed class TenantState
{
    /// <summary>The settings; null until the tenant is created.</summary>
    public TenantSettings? Settings { get; set; }

    /// <summary>The agent directory by agent id; the email index is rebuilt from it in memory.</summary>
    public Dictionary<string, AgentProfile> Agents { get; set; } = [];

    /// <summary>The groups, in the order added.</summary>
    public List<AgentGroup> Groups { get; set; } = [];

    /// <summary>The canned replies, in the order added.</summary>
    public List<CannedReply> CannedReplies { get; set; } = [];
}
