using CustomerService.Runtime.Storage.Tests.Infrastructure;
using Npgsql;

namespace CustomerService.Runtime.Storage.Tests.AdoNet;

// Row locks held from the test's own connections, to stop the provider's transaction at a known row.
public sealed partial class PostgreSqlGroupCommitTests
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Opens a transaction that locks the state row of <paramref name="grain"/> until disposed.</summary>
    private async Task<RowLock> LockRowAsync(GrainId grain)
    {
        var connection = new NpgsqlConnection(postgres.SharedConnectionString);
        await connection.OpenAsync().WithTimeout();
        var transaction = await connection.BeginTransactionAsync().AsTask().WithTimeout();
        await using var command = new NpgsqlCommand(
            "SELECT version FROM grain_state WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4 FOR UPDATE",
            connection, transaction);
        foreach (var value in (string[])[serviceId, grain.Type, grain.Key, StateName])
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        Assert.NotNull(await command.ExecuteScalarAsync().WithTimeout());
        return new RowLock(connection, transaction, connection.ProcessID);
    }

    /// <summary>Waits until one of the provider's connections waits for <paramref name="held"/>, and returns its
    /// backend's process id.</summary>
    private async Task<int> WaitForWriterBlockedByAsync(RowLock held)
    {
        await using var connection = new NpgsqlConnection(postgres.SharedConnectionString);
        await connection.OpenAsync().WithTimeout();
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND $2 = ANY(pg_blocking_pids(pid))", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = applicationName });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = held.ProcessId });
        var deadline = DateTime.UtcNow + TestTimeouts.Operation;
        while (true)
        {
            if (await command.ExecuteScalarAsync().WithTimeout() is int pid) return pid;
            Assert.True(DateTime.UtcNow < deadline, "no write of the provider waited for the test's row lock");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Ends a backend as an operator or a failover would: its connection is closed mid-transaction.</summary>
    private async Task TerminateAsync(int pid)
    {
        await using var connection = new NpgsqlConnection(postgres.SharedConnectionString);
        await connection.OpenAsync().WithTimeout();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
        Assert.Equal(true, await command.ExecuteScalarAsync().WithTimeout());
    }

    /// <summary>A transaction holding a row lock; disposing it rolls back (once), which releases the lock.</summary>
    private sealed class RowLock(NpgsqlConnection connection, NpgsqlTransaction transaction, int processId) : IAsyncDisposable
    {
        private bool disposed;

        public int ProcessId { get; } = processId;

        public async ValueTask DisposeAsync()
        {
            if (disposed) return;
            disposed = true;
            await transaction.RollbackAsync().WithTimeout();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
