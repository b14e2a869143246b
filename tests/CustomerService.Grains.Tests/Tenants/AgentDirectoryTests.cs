using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tenants;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Runtime;

namespace CustomerService.Grains.Tests.Tenants;

[Trait("Category", "Integration")]
public sealed class AgentDirectoryTests
{
    [Fact]
    public async Task ACreatedAgentIsFoundByItsEmailInAnyCase()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);

        var alice = await tenant.CreateAgent(Samples.Agent("Alice@Acme.example")).Within();

        Assert.Matches("^[a-z0-9]{12}$", alice.Id);
        Assert.Equal(AgentStatus.Offline, alice.Status);
        Assert.Equal(alice.Id, await tenant.FindAgentId("alice@ACME.EXAMPLE").Within());
        Assert.Null(await tenant.FindAgentId("bob@acme.example").Within());
        var grain = host.Grains.GetGrain<IAgentGrain>($"{tenant.GetPrimaryKeyString()}/{alice.Id}");
        Assert.Equivalent(alice, await grain.GetProfile().Within());
        Assert.Equal("hash-1", await grain.GetPasswordHash().Within());
        Assert.Equivalent(new[] { alice }, await tenant.ListAgents().Within());
    }

    [Fact]
    public async Task ATakenEmailIsAConflictWhateverItsCase()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);
        await tenant.CreateAgent(Samples.Agent("alice@acme.example")).Within();

        var refused = await Assert.ThrowsAsync<ChatException>(() => tenant.CreateAgent(Samples.Agent("ALICE@acme.example", "Other Alice")).Within());

        Assert.Equal(ChatErrorCodes.Conflict, refused.Code);
        Assert.StartsWith("email:", refused.Message, StringComparison.Ordinal);
        Assert.Single(await tenant.ListAgents().Within());
    }

    [Fact]
    public async Task AnAgentCannotTakeAnotherAgentsEmailButMayChangeTheCaseOfItsOwn()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);
        var alice = await tenant.CreateAgent(Samples.Agent("alice@acme.example")).Within();
        var bob = await tenant.CreateAgent(Samples.Agent("bob@acme.example", "Bob")).Within();

        var refused = await Assert.ThrowsAsync<ChatException>(() => tenant.UpdateAgent(bob.Id, Samples.Agent("Alice@acme.example", "Bob")).Within());
        var renamed = await tenant.UpdateAgent(alice.Id, Samples.Agent("ALICE@acme.example", "Alice A.", capacity: 7) with { PasswordHash = null }).Within();

        Assert.Equal(ChatErrorCodes.Conflict, refused.Code);
        Assert.Equal("bob@acme.example", (await tenant.ListAgents().Within()).Single(a => a.Id == bob.Id).Email);
        Assert.Equal(("ALICE@acme.example", "Alice A.", 7), (renamed.Email, renamed.Name, renamed.Capacity));
        Assert.Equal("hash-1", await host.Grains.GetGrain<IAgentGrain>($"{tenant.GetPrimaryKeyString()}/{alice.Id}").GetPasswordHash().Within());
    }

    [Fact]
    public async Task ARemovedAgentFreesItsEmailAndCanNoLongerLogIn()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);
        var alice = await tenant.CreateAgent(Samples.Agent()).Within();
        var grain = host.Grains.GetGrain<IAgentGrain>($"{tenant.GetPrimaryKeyString()}/{alice.Id}");

        await tenant.RemoveAgent(alice.Id).Within();

        Assert.Null(await tenant.FindAgentId(alice.Email).Within());
        Assert.Empty(await tenant.ListAgents().Within());
        Assert.Null(await grain.GetPasswordHash().Within());
        Assert.Equal(ChatErrorCodes.NotFound, (await Assert.ThrowsAsync<ChatException>(() => grain.GetProfile().Within())).Code);
        Assert.Equal(ChatErrorCodes.NotFound, (await Assert.ThrowsAsync<ChatException>(() => tenant.RemoveAgent(alice.Id).Within())).Code);
        Assert.NotEqual(alice.Id, (await tenant.CreateAgent(Samples.Agent()).Within()).Id);
    }

    [Fact]
    public async Task TheDirectoryListsTheStatusAgentsReport()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);
        var alice = await tenant.CreateAgent(Samples.Agent()).Within();
        var grain = host.Grains.GetGrain<IAgentGrain>($"{tenant.GetPrimaryKeyString()}/{alice.Id}");

        await grain.SetStatus(AgentStatus.Away).Within();
        await grain.SetCapacity(9).Within();

        await Eventually.True(async () => (await tenant.ListAgents()).Single() is { Status: AgentStatus.Away, Capacity: 9 });
    }

    [Theory]
    [InlineData("not-an-email", "Alice", 2, "email")]
    [InlineData("a@b.c", " ", 2, "name")]
    [InlineData("a@b.c", "Alice", 0, "capacity")]
    [InlineData("a@b.c", "Alice", 51, "capacity")]
    public async Task AnInvalidAgentIsRefusedNamingTheField(string email, string name, int capacity, string field)
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);

        var refused = await Assert.ThrowsAsync<ChatException>(() => tenant.CreateAgent(Samples.Agent(email, name, capacity)).Within());

        Assert.Equal(ChatErrorCodes.InvalidArgument, refused.Code);
        Assert.StartsWith(field + ":", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await tenant.ListAgents().Within());
    }

    [Fact]
    public async Task AnAgentMayOnlyJoinGroupsTheTenantHas()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);
        await tenant.SaveGroup(new AgentGroup("billing", "Billing")).Within();

        var refused = await Assert.ThrowsAsync<ChatException>(() => tenant.CreateAgent(Samples.Agent(groups: "sales")).Within());
        var alice = await tenant.CreateAgent(Samples.Agent(groups: "billing")).Within();

        Assert.Equal(ChatErrorCodes.InvalidArgument, refused.Code);
        Assert.Equal(["billing"], alice.Groups.AsEnumerable());
    }

    [Fact]
    public async Task AnAgentOfAnUnknownTenantCannotBeCreated()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = host.Grains.GetGrain<ITenantGrain>(Samples.NewTenantId());

        var refused = await Assert.ThrowsAsync<ChatException>(() => tenant.CreateAgent(Samples.Agent()).Within());

        Assert.Equal(ChatErrorCodes.NotFound, refused.Code);
    }
}
