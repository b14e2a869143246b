using CustomerService.Runtime.Testing.Redis;

namespace CustomerService.Runtime.Membership.Tests.Infrastructure;

/// <summary>One throwaway redis-server shared by the tests of <see cref="RedisServerCollection"/>.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private ThrowawayRedis? server;

    public ThrowawayRedis Server => server ?? throw new InvalidOperationException("The Redis server has not started.");

    public async Task InitializeAsync() => server = await ThrowawayRedis.StartAsync().WaitAsync(TestTimeouts.Server);

    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Server);
    }
}

[CollectionDefinition(Name)]
public sealed class RedisServerCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "Redis server";
}
