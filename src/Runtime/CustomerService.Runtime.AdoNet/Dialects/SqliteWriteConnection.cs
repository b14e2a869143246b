using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CustomerService.Runtime.AdoNet.Dialects;

/// <summary>The one connection a SQLite provider writes through, used by one operation at a time.</summary>
/// <remarks>SQLite lets one writer in at a time anyway. Queueing writers on a <see cref="SemaphoreSlim"/> instead of
/// letting pooled connections collide on the file lock avoids SQLite's busy back-off sleeps, and keeping the
/// connection open lets each statement stay prepared across operations (measured in bench/STORAGE.md).</remarks>
internal sealed class SqliteWriteConnection(string connectionString, int busyTimeoutMs) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private SqliteConnection? connection;
    private bool disposed;

    /// <summary>Waits for the connection and holds it until the returned session is disposed.</summary>
    public async ValueTask<DbSession> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            connection ??= Open();
            return new Session(this);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (disposed) return;
            disposed = true;
            foreach (var command in commands.Values) await command.DisposeAsync().ConfigureAwait(false);
            commands.Clear();
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private SqliteConnection Open()
    {
        var opened = new SqliteConnection(connectionString);
        try
        {
            opened.Open();
            using var pragmas = opened.CreateCommand();
            // busy_timeout lets SQLite itself wait for other processes' write locks, in fine steps.
            // WAL lets readers run during a write; synchronous=FULL makes every commit durable (fsync of the WAL), so a
            // state write that returned survives a power cut. journal_mode is persistent in the file; the rest are
            // per connection, which is one more reason to keep this connection open.
            pragmas.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
            pragmas.ExecuteNonQuery();
            return opened;
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    private SqliteCommand Command(string sql)
    {
        if (commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }

        command = connection!.CreateCommand();
        command.CommandText = sql;
        commands.Add(sql, command);
        return command;
    }

    private sealed class Session(SqliteWriteConnection owner) : DbSession
    {
        private int released;

        public override DbCommand CreateCommand(string sql) => owner.Command(sql);

        public override ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) owner.gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
