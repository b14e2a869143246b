using CustomerService.Runtime.AdoNet.Dialects;
using CustomerService.Runtime.Storage;
using CustomerService.Runtime.Utilities;

namespace CustomerService.Runtime.AdoNet.Storage;

// Group commit: state writes that arrive while the allowed number of transactions run wait, and go together into the
// next one. Every commit costs a WAL flush (an fsync) and, in PostgreSQL, a round trip and a backend's CPU, so one
// transaction for many writes is far cheaper than one each (bench/README.md, "PostgreSQL group commit"). Each write keeps its own condition (its ETag): a stale one
// gets its conflict and changes nothing, the others in the transaction commit. A failure of the transaction itself fails
// every write in it.
public sealed partial class AdoNetGrainStorage
{
    private readonly int maxConcurrentCommits;
    private readonly int maxWritesPerCommit;
    private readonly object pendingGate = new();
    private readonly Queue<PendingWrite> pending = new();
    private int flushers;

    // SQLite's async API runs synchronously, so a commit holds its thread for the whole fsync: flushes run on a thread
    // of their own, never on the thread pool, where a few at once would starve grain turns (issue #6). Npgsql is truly
    // asynchronous: its flushes run on the pool.
    private DedicatedThreadScheduler? flusherThread;

    private Task<WriteOutcome> StoreGroupedAsync(PendingWrite write)
    {
        bool start;
        lock (pendingGate)
        {
            pending.Enqueue(write);
            start = flushers < maxConcurrentCommits;
            if (start)
            {
                flushers++;
                if (dialect.BlocksThreadOnIo) flusherThread ??= new DedicatedThreadScheduler($"{dialect.Description.Engine.ToLowerInvariant()}-state-writer");
            }
        }

        // Never inline: the caller may be a grain turn on its activation's scheduler.
        if (start) _ = flusherThread is { } thread ? thread.Run(FlushPendingAsync) : Task.Run(FlushPendingAsync);
        return write.Done.Task;
    }

    private async Task FlushPendingAsync()
    {
        while (true)
        {
            var batch = new List<PendingWrite>();
            lock (pendingGate)
            {
                while (batch.Count < maxWritesPerCommit && pending.TryDequeue(out var write)) batch.Add(write);
                if (batch.Count == 0)
                {
                    flushers--;
                    return;
                }
            }

            // Without ConfigureAwait(false): should the commit wait (for the write connection), it resumes here.
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        // Rows are locked in key order in every transaction (of every process: ordinal order is the same everywhere),
        // so two transactions running at once never wait for each other in a cycle (a deadlock). The sort is stable:
        // two writes of one grain's state (two activations during a membership change) run in their order of arrival,
        // exactly as one after the other would, so at most one of two writes with the same ETag succeeds.
        if (batch.Count > 1) batch = [.. batch.OrderBy(static w => w, WriteKeyOrder.Instance)];
        var outcomes = new WriteOutcome[batch.Count];
        var committing = false;
        try
        {
            await using var session = await dialect.OpenWriteAsync(CancellationToken.None).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            if (batch.Count == 1)
            {
                // A lone write is one statement, atomic by itself: no BEGIN and COMMIT round trips.
                committing = true;
                outcomes[0] = await WriteOneAsync(session, batch[0], now).ConfigureAwait(false);
            }
            else if (session.CreateBatch() is { } statements)
            {
                // One round trip: the statements go together and run as one implicit transaction (PostgreSQL).
                committing = true;
                await WriteBatchAsync(session, statements, batch, outcomes, now).ConfigureAwait(false);
            }
            else
            {
                await ExecuteAsync(session, dialect.BeginWrite).ConfigureAwait(false);
                try
                {
                    for (var i = 0; i < batch.Count; i++) outcomes[i] = await WriteOneAsync(session, batch[i], now).ConfigureAwait(false);
                    committing = true;
                    await ExecuteAsync(session, "COMMIT").ConfigureAwait(false);
                }
                catch
                {
                    // Also after a failed COMMIT: SQLite keeps the transaction open when the commit is refused (busy),
                    // and its write connection outlives this batch.
                    await RollBackQuietlyAsync(session).ConfigureAwait(false);
                    throw;
                }
            }
        }
        catch (Exception e)
        {
            committing &= !dialect.RolledBack(e);
            logger.CommitFailed(e, Name, batch.Count, committing);
            foreach (var write in batch) write.Done.TrySetException(CommitFailure(write, batch.Count, committing, e));
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
        // Read in the same transaction, for the message: the version that made this write fail (or a later one).
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
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // Already rolled back (or never began), or the connection is gone, which ends the transaction too.
        }
    }

    /// <summary>A write waiting for the next commit.</summary>
    private sealed record PendingWrite(string StateName, GrainId GrainId, string? ExpectedEtag, string? Payload, string Operation)
    {
        public TaskCompletionSource<WriteOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The new version, or (no version) the stored one that made the write's condition fail.</summary>
    private readonly record struct WriteOutcome(long? Version, long? Stored);}
