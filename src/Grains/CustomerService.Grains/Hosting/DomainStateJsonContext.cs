using System.Text.Json.Serialization;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Tenants;
using CustomerService.Grains.Visitors;

namespace CustomerService.Grains.Hosting;

/// <summary>Source-generated JSON for the persistent state of tenant, agent and visitor grains (camelCase, as the
/// grain serializer writes).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TenantState))]
[JsonSerializable(typeof(AgentState))]
[JsonSerializable(typeof(VisitorState))]
public sealed partial class DomainStateJsonContext : JsonSerializerContext;
