using System.Globalization;
using System.Text.Json.Serialization;

namespace CustomerService.Runtime.Membership;

/// <summary>The identity of one silo process: where it listens and which start of the process it is. A restarted
/// process gets a new <see cref="Generation"/> and so is a new silo. Written and parsed as <c>host:port@generation</c>.</summary>
/// <param name="Host">The advertised host name or IP address (an IPv6 address is written in brackets).</param>
/// <param name="Port">The silo-to-silo port.</param>
/// <param name="Generation">Distinguishes process starts at one endpoint; see <see cref="NewGeneration"/>.</param>
[JsonConverter(typeof(SiloAddressJsonConverter))]
public sealed record SiloAddress(string Host, int Port, int Generation) : IComparable<SiloAddress>
{
    // Generations count seconds from 2024-01-01, so that an int lasts well past 2080 and increases per restart.
    private static readonly DateTimeOffset GenerationEpoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static int lastGeneration;

    /// <summary>A new generation for a process starting now: seconds since 2024-01-01, and always greater than any
    /// generation this process handed out before, so that silos started within one second still differ.</summary>
    public static int NewGeneration(TimeProvider? time = null)
    {
        var now = (int)((time ?? TimeProvider.System).GetUtcNow() - GenerationEpoch).TotalSeconds;
        while (true)
        {
            var last = Volatile.Read(ref lastGeneration);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref lastGeneration, next, last) == last) return next;
        }
    }

    /// <summary>An address of a silo process starting now at <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static SiloAddress New(string host, int port, TimeProvider? time = null) => new(host, port, NewGeneration(time));

    /// <summary>Parses <c>host:port@generation</c>.</summary>
    /// <exception cref="FormatException">The text is not in that form.</exception>
    public static SiloAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not a silo address of the form host:port@generation.");

    /// <summary>Parses <c>host:port@generation</c>; false when the text is not in that form.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SiloAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(text)) return false;
        var at = text.LastIndexOf('@');
        if (at <= 0) return false;
        var colon = text.LastIndexOf(':', at - 1);
        if (colon <= 0 || colon == at - 1) return false;
        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        if (host.Length == 0
            || !int.TryParse(text.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > 65535
            || !int.TryParse(text.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var generation))
            return false;
        address = new SiloAddress(host, port, generation);
        return true;
    }

    /// <summary>The endpoint without the generation, <c>host:port</c>.</summary>
    public string Endpoint => Host.Contains(':') ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}" : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Orders by host, port, then generation (ordinal), so that sorted lists are the same in every process.</summary>
    public int CompareTo(SiloAddress? other)
    {
        if (other is null) return 1;
        var byHost = string.CompareOrdinal(Host, other.Host);
        if (byHost != 0) return byHost;
        var byPort = Port.CompareTo(other.Port);
        return byPort != 0 ? byPort : Generation.CompareTo(other.Generation);
    }

    /// <summary><c>host:port@generation</c>.</summary>
    public override string ToString() => $"{Endpoint}@{Generation.ToString(CultureInfo.InvariantCulture)}";
}
