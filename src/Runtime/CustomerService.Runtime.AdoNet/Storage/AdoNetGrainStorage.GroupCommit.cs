using CustomerService.Runtime.AdoNet.Dialects;
using CustomerService.Runtime.Storage;
using CustomerService.Runtime.Utilities;

namespace CustomerService.Runtime.AdoNet.Storage;

// Group commit for engines with one writer at a time (SQLite): every commit costs an fsync, so state writes that queue
// while one transaction runs go together into the next. Each write keeps its own condition (its ETag): a stale one
// gets its conflict and changes nothing, the others in the transaction commit. A failure of the transaction itself
// fails every write in it, none of which was stored.
public sealed partial class AdoNetGrainStorage
{
    // Enough to make the fsync cheap per write, few enough that the first in line does not wait long.
    private const int MaxWritesPerCommit = 256;

    private readonly object pendingGate = new();
    private readonly Queue<PendingWrite> pending = new();
    private bool flushing;

    // SQLite's async API runs synchronously, so a commit holds its thread for the whole fsync: flushes run on a thread
    // of their own, never on the thread pool, where a few at once would starve grain turns (issue #6).
    private DedicatedThreadScheduler? flusher;

    private Task<WriteOutcome> StoreGroupedAsync(PendingWrite write)
    {
        bool start;
        lock (pendingGate)
        {
            pending.Enqueue(write);
            start = !flushing;
            flushing = true;
            if (start) flusher ??= new DedicatedThreadScheduler("sqlite-state-writer");
        }

        if (start) _ = flusher!.Run(FlushPendingAsync);
        return write.Done.Task;
    }

    private async Task FlushPendingAsync()
    {
        while (true)
        {
            var batch = new List<PendingWrite>();
            lock (pendingGate)
            {
                while (batch.Count < MaxWritesPerCommit && pending.TryDequeue(out var write)) batch.Add(write);
                if (batch.Count == 0)
                {
                    flushing = false;
                    return;
                }
            }

            // Without ConfigureAwait(false): should the commit wait (for the write connection), it resumes here.
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var outcomes = new WriteOutcome[batch.Count];
        try
        {
            await using var session = await dialect.OpenWriteAsync(CancellationToken.None).ConfigureAwait(false);
            await ExecuteAsync(session, "BEGIN IMMEDIATE").ConfigureAwait(false);
            try
            {
                var now = timeProvider.GetUtcNow();
                for (var i = 0; i < batch.Count; i++) outcomes[i] = await WriteOneAsync(session, batch[i], now).ConfigureAwait(false);
                await ExecuteAsync(session, "COMMIT").ConfigureAwait(false);
            }
            catch
            {
                await RollBackQuietlyAsync(session).ConfigureAwait(false);
                throw;
            }
        }
        catch (Exception e)
        {
            foreach (var write in batch) write.Done.TrySetException(e);
            return;
        }

        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
    }

    private async Task<WriteOutcome> WriteOneAsync(DbSession session, PendingWrite write, DateTimeOffset now)
    {
        long? written = null;
        if (write.ExpectedEtag is null)
            written = await InsertAsync(session, write.StateName, write.GrainId, write.Payload, now).ConfigureAwait(false);
        else if (VersionEtag.TryParse(write.ExpectedEtag, out var expected))
            written = await UpdateAsync(session, write.StateName, write.GrainId, write.Payload, now, expected).ConfigureAwait(false);
        if (written is { } version) return new WriteOutcome(version, null);
        return new WriteOutcome(null, await ReadVersionAsync(session, write.StateName, write.GrainId).ConfigureAwait(false));
    }

    private static async Task ExecuteAsync(DbSession session, string statement) =>
        await session.CreateCommand(statement).ExecuteNonQueryAsync().ConfigureAwait(false);

    private static async Task RollBackQuietlyAsync(DbSession session)
    {
        try
        {
            await ExecuteAsync(session, "ROLLBACK").ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException)
        {
            // SQLite already rolled back (or never began): nothing is left to undo.
        }
    }

    /// <summary>A write waiting for the next commit.</summary>
    private sealed record PendingWrite(string StateName, GrainId GrainId, string? ExpectedEtag, string? Payload)
    {
        public TaskCompletionSource<WriteOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The new version, or (no version) the stored one that made the write's condition fail.</summary>
    private readonly record struct WriteOutcome(long? Version, long? Stored);
}
