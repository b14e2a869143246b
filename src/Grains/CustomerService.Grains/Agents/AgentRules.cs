using CustomerService.Grains.Tenants;

namespace CustomerService.Grains.Agents;

/// <summary>What a valid agent profile looks like; the tenant and the agent grain both check it.</summary>
internal static class AgentRules
{
    public const int MinCapacity = 1;
    public const int MaxCapacity = 50;
    public const int MaxGroups = 20;

    public static void Validate(AgentUpdate? update)
    {
        if (update is null) throw Refuse.Invalid("agent", "required.");
        ValidateEmail(update.Email);
        if (string.IsNullOrWhiteSpace(update.Name)) throw Refuse.Invalid("name", "required.");
        Refuse.Length("name", update.Name, 1, 100);
        if (!Enum.IsDefined(update.Role)) throw Refuse.Invalid("role", "use agent or admin.");
        ValidateCapacity(update.Capacity);
        var groups = update.Groups.IsDefault ? [] : update.Groups;
        if (groups.Length > MaxGroups) throw Refuse.Invalid("groups", $"at most {MaxGroups}.");
        foreach (var group in groups) Refuse.UrlSafeId("groups", group);
        if (update.PasswordHash is not null) Refuse.Length("passwordHash", update.PasswordHash, 1, 500);
    }

    public static void ValidateEmail(string? email)
    {
        Refuse.Length("email", email, 3, 254);
        var at = email!.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == email.Length - 1 || email.Any(char.IsWhiteSpace))
            throw Refuse.Invalid("email", "not an email address.");
    }

    public static void ValidateCapacity(int capacity)
    {
        if (capacity is < MinCapacity or > MaxCapacity)
            throw Refuse.Invalid("capacity", $"use {MinCapacity} to {MaxCapacity}.");
    }
}
