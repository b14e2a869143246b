using CustomerService.Grains.Agents;
using CustomerService.Grains.Visitors;

namespace CustomerService.Grains.Tests.Agents;

public sealed class AgentOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreValid()
    {
        Assert.True(new AgentOptionsValidator().Validate(null, new AgentOptions()).Succeeded);
        Assert.True(new VisitorOptionsValidator().Validate(null, new VisitorOptions()).Succeeded);
    }

    [Fact]
    public void EveryBadAgentSettingIsNamedByItsConfigurationKey()
    {
        var result = new AgentOptionsValidator().Validate(null, new AgentOptions
        {
            PresenceGrace = TimeSpan.FromSeconds(-1),
            ConnectionExpiry = TimeSpan.FromSeconds(1),
            SubscriptionExpiry = TimeSpan.Zero,
            MaxConnections = 0,
        });

        Assert.True(result.Failed);
        foreach (var key in new[] { "Agents:PresenceGrace", "Agents:ConnectionExpiry", "Agents:SubscriptionExpiry", "Agents:MaxConnections" })
            Assert.Contains(result.Failures!, f => f.StartsWith(key + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBadVisitorSettingIsNamedByItsConfigurationKey()
    {
        var result = new VisitorOptionsValidator().Validate(null, new VisitorOptions { ConnectionExpiry = TimeSpan.Zero, MaxConnections = 0 });

        Assert.True(result.Failed);
        foreach (var key in new[] { "Visitors:ConnectionExpiry", "Visitors:MaxConnections" })
            Assert.Contains(result.Failures!, f => f.StartsWith(key + " ", StringComparison.Ordinal));
    }
}
