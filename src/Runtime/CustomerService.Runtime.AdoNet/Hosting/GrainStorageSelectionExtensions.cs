using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.Hosting;

/// <summary>Chooses the silo's default grain storage from configuration, as operators set it.</summary>
public static partial class GrainStorageSelectionExtensions
{
    private const string DefaultSqlite = "Data Source=./data/customerservice.db";

    /// <summary>Registers the storage named "Default" from <c>Silo:Storage</c> (environment: <c>Silo__Storage__Provider</c>,
    /// <c>Silo__Storage__ConnectionString</c>) and logs the choice at start. Unknown providers fail here, naming the key.</summary>
    public static ISiloBuilder AddGrainStorageFromConfiguration(this ISiloBuilder silo)
    {
        var selection = silo.Configuration.GetSection(GrainStorageSelection.SectionName).Get<GrainStorageSelection>() ?? new();
        var name = PersistentStateAttribute.DefaultStorageName;
        string description;
        switch (selection.Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                var sqlite = string.IsNullOrWhiteSpace(selection.ConnectionString) ? DefaultSqlite : selection.ConnectionString;
                EnsureSqliteDirectory(sqlite);
                silo.Services.AddSqliteGrainStorage(name, o =>
                {
                    o.ConnectionString = sqlite;
                    o.ServiceId = selection.ServiceId;
                    o.MaxConcurrentCommits = selection.MaxConcurrentCommits;
                });
                description = $"SQLite ({Redact(sqlite)})";
                break;
            case "postgresql":
            case "postgres":
                if (string.IsNullOrWhiteSpace(selection.ConnectionString))
                    throw new InvalidOperationException(
                        $"{GrainStorageSelection.SectionName}:ConnectionString is required for PostgreSQL " +
                        "(e.g. Host=localhost;Database=customerservice;Username=cs;Password=...).");
                var postgres = selection.ConnectionString;
                silo.Services.AddPostgreSqlGrainStorage(name, o =>
                {
                    o.ConnectionString = postgres;
                    o.ServiceId = selection.ServiceId;
                    o.MaxConcurrentCommits = selection.MaxConcurrentCommits;
                });
                description = $"PostgreSQL ({Redact(postgres)})";
                break;
            case "memory":
                silo.Services.AddMemoryGrainStorage(name);
                description = "in memory (state is lost when the process stops)";
                break;
            default:
                throw new InvalidOperationException(
                    $"{GrainStorageSelection.SectionName}:Provider is '{selection.Provider}'; use Sqlite, PostgreSql or Memory.");
        }

        silo.Services.AddHostedService(sp => new StorageChoiceLogger(sp.GetRequiredService<ILogger<GrainStorageSelection>>(), description));
        return silo;
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (builder.TryGetValue("Data Source", out var source) && source is string path && path != ":memory:" && Path.GetDirectoryName(path) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);
    }

    private static string Redact(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var key in new[] { "Password", "Pwd" })
            if (builder.ContainsKey(key)) builder[key] = "***";
        return builder.ConnectionString;
    }

    private sealed partial class StorageChoiceLogger(ILogger logger, string description) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogChoice(logger, description);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Grain storage: {Description}.")]
        private static partial void LogChoice(ILogger logger, string description);
    }
}
