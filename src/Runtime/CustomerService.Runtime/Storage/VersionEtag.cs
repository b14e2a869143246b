using System.Globalization;

namespace CustomerService.Runtime.Storage;

/// <summary>The ETags of the built-in storage providers: the stored row's version number in decimal.</summary>
public static class VersionEtag
{
    /// <summary>The version of a state the first time it is stored.</summary>
    public const long FirstVersion = 1;

    /// <summary>Formats a version as an ETag.</summary>
    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a version from an ETag. False for ETags no built-in provider could have produced; such an ETag
    /// matches no stored version, so a write based on it is a conflict.</summary>
    public static bool TryParse(string? etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version);
}
