using CustomerService.Grains;
using CustomerService.Grains.Agents;
using CustomerService.Grains.Conversations;
using CustomerService.Grains.Tenants;
using CustomerService.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Silo.Tests;

public sealed class SiloChatTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly Participant Visitor = new(AuthorKind.Visitor, "v-1", "Vera");
    private readonly string directory = Directory.CreateTempSubdirectory("silo-chat-").FullName;

    [Fact]
    public async Task TheSiloServesAConversationWhoseMessagesSurviveARestartInSqlite()
    {
        MessageAck ack;
        await using (var first = Silo())
        {
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            var conversation = grains.GetGrain<IConversationGrain>("demo/c-1");
            ack = await conversation.SendMessage(Visitor, new SendMessageCommand("m-1", "Hello, is anyone there?")).WaitAsync(Limit);
            var history = await conversation.GetHistory(Visitor, null, 10).WaitAsync(Limit);
            Assert.Equal("Hello, is anyone there?", Assert.Single(history).Text);
        }

        await using var second = Silo();
        var resumed = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IConversationGrain>("demo/c-1")
            .Resume(Visitor, 0, 10).WaitAsync(Limit);

        var message = Assert.Single(resumed);
        Assert.Equal((ack.Id, 1L, "Hello, is anyone there?"), (message.Id, message.Seq, message.Text));
        Assert.True(File.Exists(Path.Combine(directory, "silo-messages.db")));
    }

    [Fact]
    public async Task WithMemoryStorageTheSiloStillServesAConversationFromAThrowawayMessageFile()
    {
        await using var silo = Silo(web => web.UseSetting("Silo:Storage:Provider", "Memory"));
        var conversation = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IConversationGrain>("demo/c-mem");

        await conversation.SendMessage(Visitor, new SendMessageCommand("m-1", "Hi")).WaitAsync(Limit);

        Assert.Equal("Hi", Assert.Single(await conversation.Resume(Visitor, 0, 10).WaitAsync(Limit)).Text);
        Assert.False(File.Exists(Path.Combine(directory, "silo-messages.db")));
    }

    [Fact]
    public async Task TheSiloHostsTenantsAndAgents()
    {
        await using var silo = Silo();
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var tenant = grains.GetGrain<ITenantGrain>("demo");

        await tenant.EnsureCreated(TenantDefaults.Demo()).WaitAsync(Limit);
        var alice = await tenant.CreateAgent(new AgentUpdate("alice@demo.example", "Alice", AgentRole.Admin, 3, [], "hash")).WaitAsync(Limit);

        Assert.Equal(alice.Id, await tenant.FindAgentId("ALICE@demo.example").WaitAsync(Limit));
        Assert.Equal("Demo", (await tenant.GetSettings().WaitAsync(Limit)).Name);
    }

    [Fact]
    public void AMessageStoreSettingThatCannotWorkStopsStartupNamingTheKey()
    {
        using var silo = Silo(web => web.UseSetting("MessageStore:ConnectionString", "Data Source=:memory:"));

        var error = Assert.ThrowsAny<Exception>(() => silo.Services);

        Assert.Contains("MessageStore:ConnectionString", error.ToString());
    }

    private WebApplicationFactory<Program> Silo(Action<IWebHostBuilder>? configure = null)
        => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Silo:Storage:Provider", "Sqlite")
                .UseSetting("Silo:Storage:ConnectionString", $"Data Source={Path.Combine(directory, "silo.db")}");
            configure?.Invoke(web);
        });

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
