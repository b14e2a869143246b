using System.Text.Json.Serialization;
using CustomerService.Runtime.Membership;

namespace CustomerService.Runtime.Redis.Membership;

/// <summary>What one silo's hash field holds: the row and its etag (the table version that last wrote it).</summary>
internal sealed record RedisMembershipRow(string ETag, MembershipEntry Entry);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RedisMembershipRow))]
internal sealed partial class RedisMembershipJsonContext : JsonSerializerContext;
