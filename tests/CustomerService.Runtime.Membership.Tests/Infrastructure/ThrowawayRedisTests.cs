using System.Net.Sockets;
using CustomerService.Runtime.Testing.Redis;
using StackExchange.Redis;

namespace CustomerService.Runtime.Membership.Tests.Infrastructure;

[Trait("Category", "Integration")]
public sealed class ThrowawayRedisTests
{
    [Fact]
    public async Task TwoServersStartOnTheirOwnPortsAnswerAndAreGoneAfterDispose()
    {
        var servers = await Task.WhenAll(ThrowawayRedis.StartAsync(), ThrowawayRedis.StartAsync()).WaitAsync(TestTimeouts.Server);
        var (first, second) = (servers[0], servers[1]);
        Assert.NotEqual(first.Port, second.Port);
        foreach (var server in servers)
        {
            using var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString).Timed();
            await connection.GetDatabase().StringSetAsync("k", "v").Timed();
            Assert.Equal("v", (string?)await connection.GetDatabase().StringGetAsync("k").Timed());
        }

        await first.DisposeAsync().AsTask().Timed();

        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(first.Host, first.Port).Timed());
        Assert.False(Directory.Exists(first.WorkingDirectory));
        Assert.True(Directory.Exists(second.WorkingDirectory));
        await second.DisposeAsync().AsTask().Timed();
    }
}
