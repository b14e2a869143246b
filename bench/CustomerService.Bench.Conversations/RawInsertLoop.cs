using System.Data.Common;
using System.Diagnostics;
using CustomerService.Grains.Messages;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerService.Bench.Conversations;

/// <summary>The baseline: one connection inserting one 78-character row per statement (each its own durable commit)
/// into a plain table of the same database, as fast as it can.</summary>
internal static class RawInsertLoop
{
    public static async Task<double> RunAsync(MessageStoreEngine engine, string connectionString, TimeSpan duration)
    {
        await using DbConnection connection = engine == MessageStoreEngine.Sqlite
            ? new SqliteConnection(connectionString)
            : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = engine == MessageStoreEngine.Sqlite
                ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS raw_inserts (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
                : "CREATE TABLE IF NOT EXISTS raw_inserts (id BIGSERIAL PRIMARY KEY, text TEXT NOT NULL);";
            await setup.ExecuteNonQueryAsync();
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO raw_inserts (text) VALUES (@text)";
        var parameter = insert.CreateParameter();
        parameter.ParameterName = "@text";
        parameter.Value = ConversationBenchmark.Text;
        insert.Parameters.Add(parameter);
        await insert.PrepareAsync();

        var clock = Stopwatch.StartNew();
        long rows = 0;
        while (clock.Elapsed < duration)
        {
            await insert.ExecuteNonQueryAsync();
            rows++;
        }

        return rows / clock.Elapsed.TotalSeconds;
    }
}
