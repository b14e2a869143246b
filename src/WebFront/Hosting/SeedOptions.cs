namespace CustomerService.WebFront.Hosting;

/// <summary>What the first start creates, bound from <c>Seed</c>.</summary>
public sealed class SeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Seed";

    /// <summary>Whether to create the demo tenant and its admin at start (idempotent).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The demo tenant's id.</summary>
    public string Tenant { get; set; } = "demo";

    /// <summary>The admin agent's email.</summary>
    public string AdminEmail { get; set; } = "admin@demo.local";

    /// <summary>The admin's password (environment <c>Seed__AdminPassword</c>); generated and printed once when empty.</summary>
    public string? AdminPassword { get; set; }
}
