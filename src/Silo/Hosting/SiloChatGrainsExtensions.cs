using System.Data.Common;
using CustomerService.Grains.Hosting;
using CustomerService.Grains.Messages;
using CustomerService.Runtime.Hosting;

namespace CustomerService.Silo.Hosting;

/// <summary>Hosts the chat grains with their message store in the same place as the grain storage.</summary>
public static class SiloChatGrainsExtensions
{
    private const string DefaultSqlite = "Data Source=./data/customerservice.db";

    /// <summary>Adds every chat grain. The message store follows <c>Silo:Storage</c>: PostgreSQL stores messages in
    /// the same database; SQLite in a file beside the grain storage's (<c>customerservice.db</c> →
    /// <c>customerservice-messages.db</c>); Memory in a throwaway SQLite file in the temp folder.
    /// <c>MessageStore:ConnectionString</c>, when set, wins.</summary>
    public static ISiloBuilder AddChatGrainsFromConfiguration(this ISiloBuilder silo)
    {
        var selection = silo.Configuration.GetSection(GrainStorageSelection.SectionName).Get<GrainStorageSelection>() ?? new();
        var (engine, derived) = selection.Provider.Trim().ToLowerInvariant() switch
        {
            "postgresql" or "postgres" => (MessageStoreEngine.PostgreSql, selection.ConnectionString ?? ""),
            "memory" => (MessageStoreEngine.Sqlite, Throwaway(silo)),
            _ => (MessageStoreEngine.Sqlite, BesideSqlite(string.IsNullOrWhiteSpace(selection.ConnectionString) ? DefaultSqlite : selection.ConnectionString)),
        };

        silo.AddCustomerServiceGrains(engine, store =>
        {
            if (string.IsNullOrWhiteSpace(store.ConnectionString)) store.ConnectionString = derived;
            if (engine == MessageStoreEngine.Sqlite) EnsureDirectory(store.ConnectionString);
        });
        return silo;
    }

    /// <summary>A SQLite file that goes with the process, as memory grain storage does.</summary>
    private static string Throwaway(ISiloBuilder silo)
    {
        var path = Path.Combine(Path.GetTempPath(), $"customerservice-messages-{Guid.NewGuid():N}.db");
        silo.Services.AddHostedService(_ => new DeleteOnStop(path));
        return $"Data Source={path}";
    }

    private sealed class DeleteOnStop(string path) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Best effort: it is in the temp folder.
                }
            }

            return Task.CompletedTask;
        }
    }

    private static string BesideSqlite(string grainStorage)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = grainStorage };
        if (!builder.TryGetValue("Data Source", out var source) || source is not string path || path.Length == 0 || path == ":memory:")
            return "Data Source=./data/customerservice-messages.db";
        var messages = Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-messages{Path.GetExtension(path)}");
        return new DbConnectionStringBuilder { ["Data Source"] = messages }.ConnectionString;
    }

    private static void EnsureDirectory(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            if (builder.TryGetValue("Data Source", out var source) && source is string path && Path.GetDirectoryName(path) is { Length: > 0 } directory)
                Directory.CreateDirectory(directory);
        }
        catch (ArgumentException)
        {
            // A malformed connection string is reported by the message store's validator, naming the key.
        }
    }
}
