using CustomerService.Runtime.Membership.Tests.Infrastructure;
using CustomerService.Runtime.Redis.Membership;
using StackExchange.Redis;
using static CustomerService.Runtime.Membership.Tests.Conformance.Rows;

namespace CustomerService.Runtime.Membership.Tests.Conformance;

/// <summary>What operators find in Redis: one hash per cluster, a Version field and one JSON field per silo.</summary>
[Collection(RedisServerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RedisLayoutTests(RedisServerFixture redis)
{
    [Fact]
    public async Task AClusterIsOneHashWithAVersionFieldAndAJsonFieldPerSilo()
    {
        var options = new RedisMembershipOptions { ClusterId = $"layout-{Guid.NewGuid():N}", ConnectionString = redis.Server.ConnectionString };
        await using var table = new RedisMembershipTable(options);
        await table.InitializeAsync(tryInitTableVersion: true).Timed();
        Assert.True(await table.InsertRowAsync(Entry(Silo(11111), SiloStatus.Active), TableVersion.Initial.Next()).Timed());

        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString).Timed();
        var fields = (await connection.GetDatabase().HashGetAllAsync(options.KeyPrefix + options.ClusterId).Timed())
            .ToDictionary(field => field.Name.ToString(), field => field.Value.ToString());

        Assert.Equal(["127.0.0.1:11111@1", "Version"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1", fields["Version"]);
        Assert.Contains("\"siloAddress\":\"127.0.0.1:11111@1\"", fields["127.0.0.1:11111@1"]);
        Assert.Contains("\"status\":3", fields["127.0.0.1:11111@1"]);
    }
}
