using System.Data.Common;

namespace CustomerService.Runtime.AdoNet.Dialects;

/// <summary>A session on a connection taken from the driver's pool and given back when the session ends.</summary>
internal sealed class PooledDbSession(DbConnection connection) : DbSession
{
    // Usually one command per session, rarely two (a conflict reads the stored version after the failed write).
    private readonly List<DbCommand> commands = new(2);
    private DbBatch? batch;

    public override DbCommand CreateCommand(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        commands.Add(command);
        return command;
    }

    public override DbBatch? CreateBatch()
    {
        if (!connection.CanCreateBatch) return null;
        if (batch is not null) throw new InvalidOperationException("A session makes one batch.");
        return batch = connection.CreateBatch();
    }

    public override async ValueTask DisposeAsync()
    {
        if (batch is not null) await batch.DisposeAsync();
        batch = null;
        foreach (var command in commands) await command.DisposeAsync();
        commands.Clear();
        await connection.DisposeAsync();
    }
}
