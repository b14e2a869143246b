using System.Text.RegularExpressions;

namespace CustomerService.Bench.Relay.Auth;

/// <summary>
/// An unsigned, opaque-looking token "{kind}.{tenant}.{id}" (kind v = visitor, a = agent). The relay is a benchmark
/// floor on loopback, not a server: it checks the shape only, so that the floor pays for no signature work.
/// </summary>
public sealed partial record RelayToken(char Kind, string Tenant, string Id)
{
    public const char Visitor = 'v';
    public const char Agent = 'a';

    public override string ToString() => $"{Kind}.{Tenant}.{Id}";

    public static bool TryParse(string? value, out RelayToken token)
    {
        token = null!;
        if (string.IsNullOrEmpty(value) || value.Length < 5 || value[1] != '.') return false;
        var kind = value[0];
        var dot = value.IndexOf('.', 2);
        if ((kind != Visitor && kind != Agent) || dot < 0) return false;
        var tenant = value[2..dot];
        var id = value[(dot + 1)..];
        if (!IsTenant(tenant) || id.Length is 0 or > 100) return false;
        token = new RelayToken(kind, tenant, id);
        return true;
    }

    public static bool IsTenant(string? tenant) => tenant is not null && TenantPattern().IsMatch(tenant);

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex TenantPattern();
}
