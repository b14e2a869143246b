namespace CustomerService.WebFront.Hosting;

/// <summary>Where the front-end keeps its files, bound from <c>WebFront</c>.</summary>
public sealed class WebFrontOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "WebFront";

    /// <summary>Data Protection keys, which sign agent and visitor tokens. Front-ends of one cluster must share this
    /// directory (or copies of it) so that a token from one is valid on the others and after a restart.</summary>
    public string KeysDirectory { get; set; } = "./data/keys";

    /// <summary>The address printed at start for the demo page and the console; the first listening address when
    /// empty.</summary>
    public string? PublicUrl { get; set; }
}
