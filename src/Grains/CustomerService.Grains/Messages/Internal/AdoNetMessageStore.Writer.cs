using System.Data.Common;
using System.Diagnostics;
using System.Text;

namespace CustomerService.Grains.Messages.Internal;

// Group commit: one writer takes whatever is queued (up to MaxBatchSize) and commits it in one transaction, so a burst
// shares one fsync while a lone append is written at once (the writer never waits for a batch to fill).
internal sealed partial class AdoNetMessageStore
{
    private readonly Dictionary<int, DbCommand> insertCommands = [];
    private DbConnection? writeConnection;

    private async Task RunWriterAsync()
    {
        var batch = new List<PendingAppend>(options.MaxBatchSize);
        try
        {
            // No ConfigureAwait(false) here: after waiting for appends the loop goes back to its own thread (SQLite).
            while (await queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < options.MaxBatchSize && queue.Reader.TryRead(out var pending)) batch.Add(pending);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var results = await WriteBatchWithOneRetryAsync(batch).ConfigureAwait(false);
                    MessageStoreMetrics.BatchSize.Record(batch.Count);
                    MessageStoreMetrics.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        MessageStoreMetrics.Appends.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeName(results[i])));
                        batch[i].Completion.TrySetResult(results[i]);
                    }

                    fullTextIndexer?.Notify();
                }
                catch (Exception e)
                {
                    MessageStoreMetrics.Appends.Add(batch.Count, new KeyValuePair<string, object?>("outcome", "failed"));
                    logger.BatchFailed(e, batch.Count);
                    foreach (var pending in batch) pending.Completion.TrySetException(e);
                    await CloseWriteConnectionAsync().ConfigureAwait(false);
                }

                batch.Clear();
            }
        }
        finally
        {
            await CloseWriteConnectionAsync().ConfigureAwait(false);
        }
    }

    // A batch that failed (typically a connection the server closed) is written once more on a fresh connection. That
    // is safe even if the first attempt committed after all: its rows then come back as duplicates of themselves,
    // with the acks that were stored, because the client message id is unique.
    private async Task<AppendResult[]> WriteBatchWithOneRetryAsync(List<PendingAppend> batch)
    {
        try
        {
            return await WriteBatchAsync(batch).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException)
        {
            logger.BatchRetried(e, batch.Count);
            await CloseWriteConnectionAsync().ConfigureAwait(false);
            return await WriteBatchAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task<AppendResult[]> WriteBatchAsync(List<PendingAppend> batch)
    {
        await EnsureSchemaAsync(CancellationToken.None).ConfigureAwait(false);
        writeConnection ??= await dialect.OpenWriterAsync(CancellationToken.None).ConfigureAwait(false);
        var connection = writeConnection;

        // Ids and times are taken here, by the one writer, so ids follow commit order within a store.
        var rows = new ChatMessage[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var m = batch[i].Message;
            rows[i] = new ChatMessage(ids.Next(), m.ConversationId, m.Seq, m.ClientMessageId, m.Author, m.Text,
                m.Attachments.IsDefault ? [] : m.Attachments, m.Private, timeProvider.GetUtcNow());
        }

        // Blocking is fine: with turns (SQLite) this runs on the writer's own thread, which the commit blocks anyway.
        writeTurns?.Enter();
        try
        {
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            var inserted = await InsertAsync(connection, transaction, batch, rows).ConfigureAwait(false);
            var results = new AppendResult[batch.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                // A row that did not insert collided with a stored row (or an earlier row of this batch) on one of the
                // unique keys; which one decides the outcome. Seen inside the transaction, so batch-mates count too.
                results[i] = inserted.Contains(rows[i].Id)
                    ? new AppendResult.Stored(rows[i].ToAck())
                    : await ResolveConflictAsync(connection, transaction, rows[i]).ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
            return results;
        }
        finally
        {
            writeTurns?.Exit();
        }
    }

    private async Task<HashSet<string>> InsertAsync(DbConnection connection, DbTransaction transaction, List<PendingAppend> batch, ChatMessage[] rows)
    {
        var command = InsertCommand(connection, rows.Length);
        command.Transaction = transaction;
        var columns = MessageColumns.Names.Length;
        for (var i = 0; i < rows.Length; i++)
        {
            var values = MessageColumns.Values(rows[i], batch[i].Tenant);
            for (var c = 0; c < columns; c++) command.Parameters[i * columns + c].Value = values[c];
        }

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false)) inserted.Add(reader.GetString(0));
        return inserted;
    }

    private DbCommand InsertCommand(DbConnection connection, int rowCount)
    {
        if (insertCommands.TryGetValue(rowCount, out var cached)) return cached;
        var command = connection.CreateCommand();
        var sql = new StringBuilder($"INSERT INTO {Table} ({string.Join(", ", MessageColumns.Names)}) VALUES ");
        for (var i = 0; i < rowCount; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < MessageColumns.Names.Length; c++)
            {
                var name = $"@p{i}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        sql.Append(" ON CONFLICT DO NOTHING RETURNING id");
        command.CommandText = sql.ToString();
        insertCommands.Add(rowCount, command);
        return command;
    }

    private async Task<AppendResult> ResolveConflictAsync(DbConnection connection, DbTransaction transaction, ChatMessage row)
    {
        await using (var first = Command(connection, transaction,
            $"SELECT id, seq, sent_at FROM {Table} WHERE conversation_id = @conversation AND client_message_id = @client",
            ("@conversation", row.ConversationId), ("@client", row.ClientMessageId)))
        await using (var reader = await first.ExecuteReaderAsync().ConfigureAwait(false))
        {
            if (await reader.ReadAsync().ConfigureAwait(false))
            {
                var ack = new MessageAck(reader.GetString(0), reader.GetInt64(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
                logger.Duplicate(row.ConversationId, row.ClientMessageId, ack.Seq);
                return new AppendResult.Duplicate(ack);
            }
        }

        await using var max = Command(connection, transaction,
            $"SELECT COALESCE(MAX(seq), 0) FROM {Table} WHERE conversation_id = @conversation", ("@conversation", row.ConversationId));
        var currentMax = Convert.ToInt64(await max.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        logger.SeqConflict(row.ConversationId, row.Seq, currentMax);
        return new AppendResult.SeqConflict(currentMax);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string OutcomeName(AppendResult result) => result switch
    {
        AppendResult.Stored => "stored",
        AppendResult.Duplicate => "duplicate",
        _ => "seq_conflict",
    };

    private async ValueTask CloseWriteConnectionAsync()
    {
        foreach (var command in insertCommands.Values) await command.DisposeAsync().ConfigureAwait(false);
        insertCommands.Clear();
        if (writeConnection is not null) await writeConnection.DisposeAsync().ConfigureAwait(false);
        writeConnection = null;
    }
}
