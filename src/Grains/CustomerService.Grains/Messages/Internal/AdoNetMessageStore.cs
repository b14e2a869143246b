using System.Diagnostics;
using System.Threading.Channels;
using CustomerService.Runtime.Utilities;
using Microsoft.Extensions.Logging;

namespace CustomerService.Grains.Messages.Internal;

/// <summary>The message store over ADO.NET. Appends are queued and written by one writer in batches (see the Writer
/// part); reads use their own pooled connections.</summary>
internal sealed partial class AdoNetMessageStore : IMessageStore
{
    private readonly MessageStoreDialect dialect;
    private readonly MessageStoreOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly MessageIdGenerator ids;
    private readonly Channel<PendingAppend> queue;
    private readonly Task writer;
    private readonly DedicatedThreadScheduler? writerThread;
    private readonly FullTextIndexer? fullTextIndexer;
    // Taken around every write transaction when an indexer writes to the same database.
    private readonly WriteTurns? writeTurns;
    private readonly Lock schemaGate = new();
    private Task? schema;

    public AdoNetMessageStore(MessageStoreDialect dialect, MessageStoreOptions options, TimeProvider timeProvider, ILogger logger)
    {
        this.dialect = dialect;
        // A copy, so that later changes to the caller's options object cannot change a running store.
        this.options = new MessageStoreOptions
        {
            ConnectionString = options.ConnectionString,
            TableName = options.TableName,
            MaxBatchSize = options.MaxBatchSize,
            MaxTextLength = options.MaxTextLength,
            MaxAttachments = options.MaxAttachments,
            SearchScanLimit = options.SearchScanLimit,
            IndexWriteInterval = options.IndexWriteInterval,
            FullTextIndexBatchSize = options.FullTextIndexBatchSize,
        };
        this.timeProvider = timeProvider;
        this.logger = logger;
        ids = new MessageIdGenerator(timeProvider);
        queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
        logger.Starting(dialect.Engine, options.TableName, options.MaxBatchSize);
        // SQLite commits block their thread for the fsync (its async API is synchronous): keep them off the pool.
        writerThread = dialect.Engine == MessageStoreEngine.Sqlite ? new DedicatedThreadScheduler("sqlite-message-writer") : null;
        if (dialect.IndexesFullTextAfterCommit)
        {
            writeTurns = new WriteTurns();
            fullTextIndexer = new FullTextIndexer(dialect, options.FullTextIndexBatchSize, options.IndexWriteInterval, timeProvider, writeTurns, logger);
        }

        writer = writerThread is null ? Task.Run(RunWriterAsync) : writerThread.Run(RunWriterAsync);
    }

    private string Table => options.TableName;

    public Task<AppendResult> AppendAsync(NewMessage message, CancellationToken cancellationToken = default)
    {
        var tenant = MessageValidation.NewMessage(message, options);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingAppend(message, tenant);
        if (!queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(IMessageStore), "The message store was disposed.");
        return cancellationToken.CanBeCanceled ? pending.Completion.Task.WaitAsync(cancellationToken) : pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (!queue.Writer.TryComplete()) return;
        // The writer drains what was queued before it stops, so every accepted append gets its outcome.
        await writer.ConfigureAwait(false);
        writerThread?.Dispose();
        if (fullTextIndexer is not null) await fullTextIndexer.DisposeAsync().ConfigureAwait(false);
        await dialect.DisposeAsync().ConfigureAwait(false);
    }

    private Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        lock (schemaGate)
        {
            if (schema is null || schema.IsFaulted || schema.IsCanceled) schema = CreateSchemaAsync(cancellationToken);
            return schema;
        }
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        try
        {
            await dialect.ApplySchemaAsync(cancellationToken).ConfigureAwait(false);
            logger.SchemaReady(Table, elapsed.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.SchemaFailed(e, Table);
            throw;
        }
    }

    private sealed class PendingAppend(NewMessage message, string tenant)
    {
        public NewMessage Message { get; } = message;

        public string Tenant { get; } = tenant;

        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
