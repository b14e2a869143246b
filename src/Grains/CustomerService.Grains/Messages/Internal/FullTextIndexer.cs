using System.Data.Common;
using CustomerService.Runtime.Utilities;
using Microsoft.Extensions.Logging;

namespace CustomerService.Grains.Messages.Internal;

/// <summary>Adds committed messages to SQLite's full-text index after their commit, so that message commits (and the
/// acks that wait for them) carry no full-text work. One indexer per store, on a thread of its own; each round adds
/// every row above the stored watermark, in transactions of up to <c>FullTextIndexBatchSize</c> rows. Rounds are at
/// least the index write interval apart unless a search asks for a flush, so a round covers many commits and FTS5
/// writes (and merges) fewer, larger segments.</summary>
internal sealed class FullTextIndexer : IAsyncDisposable
{
    private readonly MessageStoreDialect dialect;
    private readonly int batchSize;
    private readonly TimeSpan interval;
    private readonly TimeProvider timeProvider;
    private readonly WriteTurns writeTurns;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim signal = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly DedicatedThreadScheduler thread = new("sqlite-fts-indexer");
    private readonly Task loop;
    private List<TaskCompletionSource> flushes = [];
    // Completed when a flush is asked for, so that the pause between rounds ends at once.
    private TaskCompletionSource flushAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DbConnection? connection;
    private long watermark = -1;
    private bool awake;
    private bool disposed;

    /// <param name="writeTurns">Shared with the store's message writer (see <see cref="WriteTurns"/>).</param>
    public FullTextIndexer(MessageStoreDialect dialect, int batchSize, TimeSpan interval, TimeProvider timeProvider, WriteTurns writeTurns, ILogger logger)
    {
        this.dialect = dialect;
        this.batchSize = batchSize;
        this.interval = interval;
        this.timeProvider = timeProvider;
        this.writeTurns = writeTurns;
        this.logger = logger;
        loop = thread.Run(RunAsync);
    }

    /// <summary>Rows were committed: index them in the next round.</summary>
    public void Notify()
    {
        lock (gate)
        {
            if (awake || disposed) return;
            awake = true;
        }

        signal.Release();
    }

    /// <summary>Completes once a round that started after this call has indexed every row committed before it.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (disposed) throw new ObjectDisposedException(nameof(IMessageStore), "The message store was disposed.");
            flushes.Add(done);
            flushAsked.TrySetResult();
        }

        Notify();
        return done.Task.WaitAsync(cancellationToken);
    }

    // Rows not indexed yet stay above the watermark and are indexed by the next store on this database.
    public async ValueTask DisposeAsync()
    {
        List<TaskCompletionSource> waiting;
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            waiting = flushes;
            flushes = [];
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var flush in waiting) flush.TrySetException(new ObjectDisposedException(nameof(IMessageStore), "The message store was disposed."));
        if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
        thread.Dispose();
        stopping.Dispose();
    }

    private async Task RunAsync()
    {
        while (true)
        {
            // No ConfigureAwait(false) here: after waiting the loop goes back to its own thread (SQLite blocks it).
            await signal.WaitAsync(stopping.Token);
            List<TaskCompletionSource> waiting;
            lock (gate)
            {
                awake = false;
                waiting = flushes;
                flushes = [];
                if (flushAsked.Task.IsCompleted) flushAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            Exception? failure = null;
            try
            {
                await CatchUpAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.IndexingFailed(e);
                failure = e;
                if (connection is not null) await connection.DisposeAsync();
                connection = null;
                watermark = -1;
            }

            foreach (var flush in waiting)
            {
                if (failure is null) flush.TrySetResult();
                else flush.TrySetException(failure);
            }

            // After every round, also an empty one, so that rounds are at least the interval apart however they began.
            if (interval > TimeSpan.Zero)
            {
                Task asked;
                lock (gate) asked = flushAsked.Task;
                await Task.WhenAny(asked, Task.Delay(interval, timeProvider, stopping.Token));
                stopping.Token.ThrowIfCancellationRequested();
            }
        }
    }

    // Transactions of up to batchSize rows until one comes back short: then every row committed before this round
    // began is indexed. A turn is taken per transaction, so the message writer waits for one at most.
    private async Task CatchUpAsync()
    {
        connection ??= await dialect.OpenFullTextIndexerAsync(CancellationToken.None);
        while (true)
        {
            int count;
            writeTurns.Enter();
            try
            {
                (count, watermark) = await dialect.IndexFullTextAsync(connection, batchSize, watermark, CancellationToken.None);
            }
            finally
            {
                writeTurns.Exit();
            }

            if (count < batchSize || stopping.IsCancellationRequested) return;
        }
    }
}
