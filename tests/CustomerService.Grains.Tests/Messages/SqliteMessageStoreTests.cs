using CustomerService.Grains.Messages;
using Microsoft.Data.Sqlite;

namespace CustomerService.Grains.Tests.Messages;

/// <summary>The message store suite on a SQLite file of its own per test.</summary>
public sealed class SqliteMessageStoreTests : MessageStoreSuite
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"cs-msg-{Guid.NewGuid():N}");

    protected override MessageStoreEngine Engine => MessageStoreEngine.Sqlite;

    protected override MessageStoreOptions DatabaseOptions() =>
        new() { ConnectionString = $"Data Source={Path.Combine(directory, "messages.db")}" };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}
