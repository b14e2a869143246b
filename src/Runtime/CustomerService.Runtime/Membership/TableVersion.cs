using System.Globalization;

namespace CustomerService.Runtime.Membership;

/// <summary>The version of the whole membership table. Every row write names the version it creates, which must be
/// one more than the stored one, so that two writers working from the same read cannot both succeed.</summary>
/// <param name="Version">The version number; 0 for a new table.</param>
/// <param name="VersionEtag">The provider's etag of the stored version the writer read.</param>
public sealed record TableVersion(int Version, string VersionEtag)
{
    /// <summary>The version of a freshly initialised table.</summary>
    public static TableVersion Initial { get; } = new(0, "0");

    /// <summary>The version a write based on this one creates: the number plus one, carrying this version's etag
    /// (which the write is conditioned on).</summary>
    public TableVersion Next() => new(Version + 1, VersionEtag);

    /// <inheritdoc />
    public override string ToString() => $"<{Version.ToString(CultureInfo.InvariantCulture)}, {VersionEtag}>";
}
