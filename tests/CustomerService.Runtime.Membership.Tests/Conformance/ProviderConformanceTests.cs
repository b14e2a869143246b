using CustomerService.Runtime.AdoNet.Membership;
using CustomerService.Runtime.Membership.Tests.Infrastructure;
using CustomerService.Runtime.Redis.Membership;

namespace CustomerService.Runtime.Membership.Tests.Conformance;

public sealed class InMemoryMembershipTableTests : MembershipTableConformanceTests
{
    protected override IMembershipTable CreateTable(string clusterId) => new InMemoryMembershipTable(clusterId);
}

[Collection(RedisServerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RedisMembershipTableTests(RedisServerFixture redis) : MembershipTableConformanceTests
{
    protected override IMembershipTable CreateTable(string clusterId) =>
        new RedisMembershipTable(new RedisMembershipOptions { ClusterId = clusterId, ConnectionString = redis.Server.ConnectionString });
}

[Collection(PostgreSqlServerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PostgreSqlMembershipTableTests(PostgreSqlServerFixture postgres) : MembershipTableConformanceTests
{
    protected override IMembershipTable CreateTable(string clusterId) =>
        new PostgreSqlMembershipTable(new PostgreSqlMembershipOptions { ClusterId = clusterId, ConnectionString = postgres.ConnectionString });
}
