using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Routing;
using CustomerService.Grains.Tenants;
using CustomerService.Grains.Visitors;

namespace CustomerService.Grains;

/// <summary>Source-generated JSON for the tenant, visitor, agent and router contracts (camelCase, as on the wire).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RoutingOutcome))]
[JsonSerializable(typeof(RoutingRequest))]
[JsonSerializable(typeof(AgentPresence))]
[JsonSerializable(typeof(QueueSnapshot))]
[JsonSerializable(typeof(AgentProfile))]
[JsonSerializable(typeof(AgentUpdate))]
[JsonSerializable(typeof(AgentStatus))]
[JsonSerializable(typeof(ImmutableArray<AgentProfile>))]
[JsonSerializable(typeof(ImmutableArray<AgentConversation>))]
[JsonSerializable(typeof(AgentUnreadEvent))]
[JsonSerializable(typeof(QueueSizeEvent))]
[JsonSerializable(typeof(TenantSettings))]
[JsonSerializable(typeof(ImmutableArray<AgentGroup>))]
[JsonSerializable(typeof(AgentGroup))]
[JsonSerializable(typeof(ImmutableArray<CannedReply>))]
[JsonSerializable(typeof(CannedReply))]
[JsonSerializable(typeof(VisitorProfile))]
[JsonSerializable(typeof(VisitorSession))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
public sealed partial class DomainJsonContext : JsonSerializerContext;
