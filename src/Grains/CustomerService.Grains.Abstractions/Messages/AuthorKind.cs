using System.Text.Json.Serialization;

namespace CustomerService.Grains;

/// <summary>Who wrote a message. Written on the wire as <c>visitor</c>, <c>agent</c>, <c>bot</c> or <c>system</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuthorKind>))]
public enum AuthorKind
{
    /// <summary>The visitor of the tenant's site, through the widget.</summary>
    [JsonStringEnumMemberName("visitor")] Visitor,

    /// <summary>An agent, through the console.</summary>
    [JsonStringEnumMemberName("agent")] Agent,

    /// <summary>The tenant's bot.</summary>
    [JsonStringEnumMemberName("bot")] Bot,

    /// <summary>The product itself (assignment, transfer, close notices).</summary>
    [JsonStringEnumMemberName("system")] System,
}
