using CustomerService.Grains.Conversations;
using CustomerService.Grains.Messages;
using Microsoft.Data.Sqlite;

namespace CustomerService.Grains.Tests.Messages;

/// <summary>The conversation index on every engine (subclasses), each test in a tenant of its own.</summary>
[Trait("Category", "Integration")]
public abstract class ConversationIndexSuite : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<IConversationIndex> indexes = [];
    private readonly string tenant = $"t{Guid.NewGuid():N}"[..12];

    protected abstract MessageStoreEngine Engine { get; }

    protected abstract MessageStoreOptions DatabaseOptions();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var index in indexes) await index.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private IConversationIndex Open(TimeSpan? writeInterval = null)
    {
        var options = DatabaseOptions();
        if (writeInterval is { } interval) options.IndexWriteInterval = interval;
        var index = MessageStores.CreateConversationIndex(Engine, options);
        indexes.Add(index);
        return index;
    }

    private ConversationView View(string id, ConversationStatus status, string? assignee, RoutingState routing, params string[] labels) => new(
        $"{tenant}/{id}", status, new Participant(AuthorKind.Visitor, "v1", "Vera"),
        assignee is null ? null : new Participant(AuthorKind.Agent, assignee, assignee), null, routing, [.. labels], 3, 0, null,
        T0, null, null, null, null);

    private Task<IReadOnlyList<ConversationView>> List(IConversationIndex index, ConversationStatus? status = null, string? assignee = null,
        bool unassigned = false, string? label = null, DateTimeOffset? before = null, int limit = 50) =>
        index.ListAsync(tenant, new ConversationQuery(status, assignee, unassigned, label, before, limit)).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task SummariesAreListedNewestActivityFirstAndFilteredByEveryField()
    {
        var index = Open();
        index.Upsert(View("a", ConversationStatus.Open, "ann", RoutingState.Assigned, "vip"), T0.AddMinutes(1));
        index.Upsert(View("b", ConversationStatus.Open, null, RoutingState.Queued), T0.AddMinutes(3));
        index.Upsert(View("c", ConversationStatus.Resolved, "ann", RoutingState.None, "vip", "bug"), T0.AddMinutes(2));
        index.Upsert(View("d", ConversationStatus.Open, null, RoutingState.Bot), T0.AddMinutes(4));
        await index.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["d", "b", "c", "a"], Ids(await List(index)));
        Assert.Equal(["c"], Ids(await List(index, status: ConversationStatus.Resolved)));
        Assert.Equal(["c", "a"], Ids(await List(index, assignee: "ann")));
        Assert.Equal(["d", "b"], Ids(await List(index, unassigned: true)));
        Assert.Equal(["c", "a"], Ids(await List(index, label: "vip")));
        Assert.Equal(["c"], Ids(await List(index, label: "bug")));
        Assert.Equal(["c", "a"], Ids(await List(index, before: T0.AddMinutes(3))));
        Assert.Equal(["d"], Ids(await List(index, limit: 1)));
        Assert.Empty(await index.ListAsync("other", new ConversationQuery(null, null, false, null, null, 10)));
    }

    [Fact]
    public async Task RoundsWaitTheWriteIntervalButAFlushDoesNot()
    {
        var index = Open(TimeSpan.FromMinutes(1));
        index.Upsert(View("a", ConversationStatus.Open, null, RoutingState.Queued), T0);
        // The first summary after a quiet spell is written at once, without a flush.
        await WaitUntilAsync(async () => (await List(index)).Count == 1);

        index.Upsert(View("b", ConversationStatus.Open, null, RoutingState.Queued), T0.AddSeconds(1));
        await Task.Delay(500);
        Assert.Equal(["a"], Ids(await List(index)));

        await index.FlushAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["b", "a"], Ids(await List(index)));
    }

    [Fact]
    public async Task SummariesQueuedDuringTheIntervalAreWrittenWhenItEnds()
    {
        var index = Open(TimeSpan.FromMilliseconds(300));
        index.Upsert(View("a", ConversationStatus.Open, null, RoutingState.Queued), T0);
        index.Upsert(View("b", ConversationStatus.Open, null, RoutingState.Queued), T0.AddSeconds(1));
        index.Upsert(View("b", ConversationStatus.Open, "ann", RoutingState.Assigned), T0.AddSeconds(2));

        await WaitUntilAsync(async () => (await List(index)).Count == 2 && (await List(index, assignee: "ann")).Count == 1);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the index did not show the summaries within 10 s");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task TheNewestSummaryOfAConversationReplacesTheOlderOnes()
    {
        var index = Open();
        index.Upsert(View("a", ConversationStatus.Open, null, RoutingState.Queued), T0);
        await index.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        index.Upsert(View("a", ConversationStatus.Open, "ann", RoutingState.Assigned), T0.AddSeconds(1));
        index.Upsert(View("a", ConversationStatus.Resolved, "ann", RoutingState.None, "done"), T0.AddSeconds(2));
        await index.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var only = Assert.Single(await List(index));
        Assert.Equal((ConversationStatus.Resolved, "ann", "done"), (only.Status, only.Assignee?.Id, Assert.Single(only.Labels)));
        Assert.Equal(View("a", ConversationStatus.Resolved, "ann", RoutingState.None, "done").Visitor, only.Visitor);
    }

    private static string[] Ids(IEnumerable<ConversationView> views) => [.. views.Select(v => v.Id[(v.Id.IndexOf('/') + 1)..])];
}

/// <summary>The conversation index suite on a SQLite file per test.</summary>
public sealed class SqliteConversationIndexTests : ConversationIndexSuite
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"cs-idx-{Guid.NewGuid():N}");

    protected override MessageStoreEngine Engine => MessageStoreEngine.Sqlite;

    protected override MessageStoreOptions DatabaseOptions() => new() { ConnectionString = $"Data Source={Path.Combine(directory, "messages.db")}" };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}

/// <summary>The conversation index suite on the run's PostgreSQL server.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConversationIndexTests(PostgreSqlServerFixture server) : ConversationIndexSuite
{
    protected override MessageStoreEngine Engine => MessageStoreEngine.PostgreSql;

    protected override MessageStoreOptions DatabaseOptions() => new() { ConnectionString = server.ConnectionString };
}
