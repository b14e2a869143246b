using System.Data;
using System.Data.Common;
using CustomerService.Runtime.AdoNet.Dialects;
using CustomerService.Runtime.Storage;

namespace CustomerService.Runtime.AdoNet.Storage;

// A group commit sent as one batch (PostgreSQL), the order of its writes, and the error its writes get when it fails.
public sealed partial class AdoNetGrainStorage
{
    /// <summary>Sends every write of <paramref name="batch"/> in one round trip as one implicit transaction, then reads
    /// the stored version of each write whose condition failed (after the commit: that version or a later one). No
    /// statement raises an error for a failed condition (it returns no row), so one stale write cannot abort the
    /// transaction for the others.</summary>
    private async Task WriteBatchAsync(DbSession session, DbBatch statements, List<PendingWrite> batch, WriteOutcome[] outcomes, DateTimeOffset now)
    {
        var sent = new List<int>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            DbBatchCommand statement;
            if (write.ExpectedEtag is null)
            {
                statement = statements.CreateBatchCommand();
                statement.CommandText = sql.Insert;
                BindWrite(statement.Parameters, write, now);
            }
            else if (VersionEtag.TryParse(write.ExpectedEtag, out var expected))
            {
                statement = statements.CreateBatchCommand();
                statement.CommandText = sql.Update;
                BindWrite(statement.Parameters, write, now);
                dialect.AddInt64(statement.Parameters, expected);
            }
            else
            {
                continue; // an ETag this provider never gave matches no stored version
            }

            statements.BatchCommands.Add(statement);
            sent.Add(i);
        }

        if (sent.Count > 0)
        {
            await using var reader = await statements.ExecuteReaderAsync().ConfigureAwait(false);
            foreach (var i in sent)
            {
                if (await reader.ReadAsync().ConfigureAwait(false)) outcomes[i] = new WriteOutcome(reader.GetInt64(0), null);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    // a conditional write of one key returns at most one row
                }

                await reader.NextResultAsync().ConfigureAwait(false);
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Version is null)
                outcomes[i] = new WriteOutcome(null, await ReadVersionAsync(session, batch[i].StateName, batch[i].GrainId).ConfigureAwait(false));
        }
    }

    private void BindWrite(DbParameterCollection parameters, PendingWrite write, DateTimeOffset now)
    {
        BindKey(parameters, write.StateName, write.GrainId);
        dialect.AddText(parameters, write.Payload);
        dialect.AddTimestamp(parameters, now);
    }

    /// <summary>What the caller of a write whose transaction failed receives: which write, why, and whether anything of
    /// it may have been stored. Before the commit was sent nothing was; a connection lost while the commit (or a lone
    /// write's statement) was under way leaves the outcome unknown.</summary>
    private DataException CommitFailure(PendingWrite write, int batchSize, bool committing, Exception cause)
    {
        var shared = batchSize == 1 ? "" : $" (one transaction with {batchSize - 1} other state write{(batchSize == 2 ? "" : "s")}, all of which failed with it)";
        var outcome = committing
            ? "It failed while being committed, so it may or may not have been stored: re-read the state before writing again."
            : "Nothing of that transaction was stored.";
        return new DataException(
            $"The {write.Operation} of state '{write.StateName}' of grain {write.GrainId} in grain storage '{Name}' ({dialect.Description.Engine}) failed{shared}: {cause.Message} {outcome}",
            cause);
    }

    /// <summary>Orders writes by their row's key (the service id is the same for all of a provider's writes).</summary>
    private sealed class WriteKeyOrder : IComparer<PendingWrite>
    {
        public static readonly WriteKeyOrder Instance = new();

        public int Compare(PendingWrite? x, PendingWrite? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var order = string.CompareOrdinal(x.GrainId.Type, y.GrainId.Type);
            if (order == 0) order = string.CompareOrdinal(x.GrainId.Key, y.GrainId.Key);
            return order != 0 ? order : string.CompareOrdinal(x.StateName, y.StateName);
        }
    }
}
