using CustomerService.Runtime.AdoNet.Membership;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Membership.Tests.Infrastructure;
using CustomerService.Runtime.Redis.Membership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Membership.Tests.Hosting;

public sealed class MembershipHostingTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public async Task TwoHostsWithInMemoryMembershipOfOneClusterShareOneTable()
    {
        var clusterId = $"hosting-{Guid.NewGuid():N}";
        using var first = new HostBuilder().ConfigureServices(s => s.AddInMemoryMembership(o => o.ClusterId = clusterId)).Build();
        using var second = new HostBuilder().ConfigureServices(s => s.AddInMemoryMembership(o => o.ClusterId = clusterId)).Build();
        await first.StartAsync().Timed();
        await second.StartAsync().Timed();
        var silo = new SiloAddress("127.0.0.1", 11111, 1);
        var entry = new MembershipEntry(silo, SiloStatus.Joining, "a", "h", 0, default, default, []);

        Assert.True(await first.Services.GetRequiredService<IMembershipTable>().InsertRowAsync(entry, TableVersion.Initial.Next()).Timed());

        var seen = await second.Services.GetRequiredService<IMembershipTable>().ReadAllAsync().Timed();
        Assert.Equal(silo, Assert.Single(seen.Entries).Entry.SiloAddress);
        await first.StopAsync().Timed();
        await second.StopAsync().Timed();
    }

    [Fact]
    public void RedisOptionsSetInCodeAreCheckedNamingTheOptionsProperties()
    {
        using var provider = new ServiceCollection().AddRedisMembership(_ => { }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisMembershipOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("RedisMembershipOptions.ClusterId is empty", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("RedisMembershipOptions.ConnectionString is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void RedisOptionsFromConfigurationAreCheckedNamingTheConfigurationKey()
    {
        var section = Configuration(("Silo:Membership:ClusterId", "prod")).GetSection("Silo:Membership");
        using var provider = new ServiceCollection().AddRedisMembership(section).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisMembershipOptions>>().Value);

        Assert.Equal("Silo:Membership:ConnectionString", Assert.Single(error.Failures).Split(' ')[0]);
    }

    [Fact]
    public void PostgreSqlOptionsFromConfigurationAreCheckedNamingTheConfigurationKey()
    {
        var section = Configuration(("Silo:Membership:ConnectionString", "Database=x")).GetSection("Silo:Membership");
        using var provider = new ServiceCollection().AddPostgreSqlMembership(section).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlMembershipOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Silo:Membership:ClusterId is empty", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Silo:Membership:ConnectionString is not usable", StringComparison.Ordinal) && f.Contains("Host="));
    }

    [Fact]
    public void AnEmptyInMemoryClusterIdIsRejectedNamingTheKey()
    {
        using var provider = new ServiceCollection().AddInMemoryMembership(o => o.ClusterId = " ").BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMembershipTable>());

        Assert.StartsWith("InMemoryMembershipOptions.ClusterId is empty", Assert.Single(error.Failures));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task AHostWithRedisMembershipInitialisesTheTableAtStart()
    {
        await using var redis = await Testing.Redis.ThrowawayRedis.StartAsync().WaitAsync(TestTimeouts.Server);
        using var host = new HostBuilder().ConfigureServices(s => s.AddRedisMembership(o =>
        {
            o.ClusterId = "hosted";
            o.ConnectionString = redis.ConnectionString;
        })).Build();

        await host.StartAsync().Timed();

        var table = host.Services.GetRequiredService<IMembershipTable>();
        Assert.IsType<RedisMembershipTable>(table);
        Assert.True(await table.InsertRowAsync(
            new MembershipEntry(new SiloAddress("127.0.0.1", 1, 1), SiloStatus.Joining, "a", "h", 0, default, default, []),
            TableVersion.Initial.Next()).Timed());
        await host.StopAsync().Timed();
        await ((IAsyncDisposable)table).DisposeAsync().AsTask().Timed();
    }
}
