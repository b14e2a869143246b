using System.Data.Common;

namespace CustomerService.Runtime.AdoNet.Dialects;

/// <summary>A connection held for one storage operation. Commands it creates belong to it: do not dispose them, and
/// do not use them after the session is disposed.</summary>
internal abstract class DbSession : IAsyncDisposable
{
    /// <summary>A command with <paramref name="sql"/> and no parameters yet.</summary>
    public abstract DbCommand CreateCommand(string sql);

    /// <summary>An empty batch (statements sent together, run as one implicit transaction), or null when the driver
    /// has none. Like commands, it belongs to the session.</summary>
    public virtual DbBatch? CreateBatch() => null;

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
