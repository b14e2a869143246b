namespace CustomerService.WebFront.Auth;

/// <summary>Token lifetimes, bound from <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Auth";

    /// <summary>How long an agent's login token is valid.</summary>
    public TimeSpan AgentTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a visitor token is valid; the widget asks for a new session when it expires.</summary>
    public TimeSpan VisitorTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
