namespace CustomerService.WebFront.Hubs;

/// <summary>Size limits of hub payloads, bound from <c>WebFront:Hubs</c>.</summary>
public sealed class HubLimits
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "WebFront:Hubs";

    /// <summary>The longest message text in UTF-8 bytes; longer is refused with <c>too_large</c>.</summary>
    public int MaxTextBytes { get; set; } = 8 * 1024;

    /// <summary>The largest SignalR frame accepted. A bigger frame closes the connection (SignalR's rule), so keep it
    /// well above <see cref="MaxTextBytes"/>: oversized texts below it get <c>too_large</c> and the connection stays.</summary>
    public long MaximumReceiveMessageSize { get; set; } = 256 * 1024;
}
