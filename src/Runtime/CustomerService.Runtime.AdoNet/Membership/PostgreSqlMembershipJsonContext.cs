using System.Text.Json.Serialization;
using CustomerService.Runtime.Membership;

namespace CustomerService.Runtime.AdoNet.Membership;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<SuspectVote>))]
internal sealed partial class PostgreSqlMembershipJsonContext : JsonSerializerContext;
