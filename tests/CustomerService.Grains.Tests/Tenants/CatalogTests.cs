using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tenants;
using CustomerService.Grains.Tests.Conversations;
using CustomerService.Runtime;

namespace CustomerService.Grains.Tests.Tenants;

[Trait("Category", "Integration")]
public sealed class CatalogTests
{
    [Fact]
    public async Task GroupsAreAddedRenamedAndDeleted()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);

        await tenant.SaveGroup(new AgentGroup("billing", "Billing")).Within();
        var generated = await tenant.SaveGroup(new AgentGroup("", "Sales")).Within();
        await tenant.SaveGroup(new AgentGroup("billing", "Billing & invoices")).Within();
        await tenant.DeleteGroup(generated.Id).Within();
        await tenant.DeleteGroup("never-there").Within();

        Assert.Matches("^[a-z0-9]{10}$", generated.Id);
        Assert.Equal([new AgentGroup("billing", "Billing & invoices")], (await tenant.ListGroups().Within()).AsEnumerable());
    }

    [Theory]
    [InlineData("Billing", "Billing", "id")]
    [InlineData("bill ing", "Billing", "id")]
    [InlineData("billing", "", "name")]
    public async Task ABadGroupIsRefusedNamingTheField(string id, string name, string field)
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);

        var refused = await Assert.ThrowsAsync<ChatException>(() => tenant.SaveGroup(new AgentGroup(id, name)).Within());

        Assert.Equal(ChatErrorCodes.InvalidArgument, refused.Code);
        Assert.StartsWith(field + ":", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await tenant.ListGroups().Within());
    }

    [Fact]
    public async Task CannedRepliesKeepTheirShortcutsUnique()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);
        var hello = await tenant.SaveCannedReply(new CannedReply("", "hello", "Hello! How can I help?")).Within();

        var taken = await Assert.ThrowsAsync<ChatException>(() => tenant.SaveCannedReply(new CannedReply("", "HELLO", "Hi")).Within());
        var edited = await tenant.SaveCannedReply(hello with { Text = "Hello again" }).Within();
        var bye = await tenant.SaveCannedReply(new CannedReply("bye", "bye", "Goodbye")).Within();

        Assert.Equal(ChatErrorCodes.Conflict, taken.Code);
        Assert.Equal([edited, bye], (await tenant.ListCannedReplies().Within()).AsEnumerable());
        await tenant.DeleteCannedReply(hello.Id).Within();
        Assert.Equal([bye], (await tenant.ListCannedReplies().Within()).AsEnumerable());
    }

    [Theory]
    [InlineData("", "text", "shortcut")]
    [InlineData("two words", "text", "shortcut")]
    [InlineData("ok", "", "text")]
    [InlineData("ok", null, "text")]
    public async Task ABadCannedReplyIsRefusedNamingTheField(string shortcut, string? text, string field)
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);

        var refused = await Assert.ThrowsAsync<ChatException>(() => tenant.SaveCannedReply(new CannedReply("", shortcut, text!)).Within());

        Assert.Equal(ChatErrorCodes.InvalidArgument, refused.Code);
        Assert.StartsWith(field + ":", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACannedReplyMayHoldTwoThousandCharactersAndNoMore()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);

        await tenant.SaveCannedReply(new CannedReply("long", "long", new string('x', 2000))).Within();
        var refused = await Assert.ThrowsAsync<ChatException>(() => tenant.SaveCannedReply(new CannedReply("longer", "longer", new string('x', 2001))).Within());

        Assert.Equal(ChatErrorCodes.InvalidArgument, refused.Code);
        Assert.Single(await tenant.ListCannedReplies().Within());
    }

    [Fact]
    public async Task DeletingAGroupTakesItsMembersOutOfIt()
    {
        await using var host = await DomainHost.StartAsync();
        var tenant = await Samples.NewTenantAsync(host.Grains);
        await tenant.SaveGroup(new AgentGroup("billing", "Billing")).Within();
        await tenant.SaveGroup(new AgentGroup("sales", "Sales")).Within();
        var alice = await tenant.CreateAgent(Samples.Agent(groups: ["billing", "sales"])).Within();

        await tenant.DeleteGroup("billing").Within();

        Assert.Equal(["sales"], (await tenant.ListAgents().Within()).Single().Groups.AsEnumerable());
        var agent = host.Grains.GetGrain<IAgentGrain>($"{tenant.GetPrimaryKeyString()}/{alice.Id}");
        Assert.Equal(["sales"], (await agent.GetProfile().Within()).Groups.AsEnumerable());
    }
}
