using System.Data.Common;
using System.Text.Json;
using CustomerService.Grains.Conversations;
using CustomerService.Runtime.Utilities;
using Microsoft.Extensions.Logging;

namespace CustomerService.Grains.Messages.Internal;

/// <summary>The conversation index over ADO.NET, in the message store's database. The same SQL runs on SQLite and
/// PostgreSQL (upsert with <c>ON CONFLICT … DO UPDATE</c>); only connections and the schema lock differ. Each row
/// holds the filterable columns and the summary as JSON.</summary>
internal sealed partial class AdoNetConversationIndex : IConversationIndex
{
    private readonly MessageStoreDialect dialect;
    private readonly string table;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim signal = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task writer;
    private readonly TimeSpan writeInterval;
    private readonly DedicatedThreadScheduler? writerThread;
    private Dictionary<string, (ConversationView View, DateTimeOffset At)> pending = new(StringComparer.Ordinal);
    private List<TaskCompletionSource> flushes = [];
    // Completed when a flush is asked for, so that the writer's pause between rounds ends at once.
    private TaskCompletionSource flushAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? schema;
    private bool awake;

    public AdoNetConversationIndex(MessageStoreDialect dialect, string table, TimeSpan writeInterval, ILogger logger)
    {
        this.dialect = dialect;
        this.table = table;
        this.writeInterval = writeInterval;
        this.logger = logger;
        // SQLite commits block their thread for the fsync (its async API is synchronous): keep them off the pool.
        writerThread = dialect.Engine == MessageStoreEngine.Sqlite ? new DedicatedThreadScheduler("sqlite-index-writer") : null;
        writer = writerThread is null ? Task.Run(RunWriterAsync) : writerThread.Run(RunWriterAsync);
    }

    public void Upsert(ConversationView summary, DateTimeOffset lastActivity)
    {
        lock (gate) pending[summary.Id] = (summary, lastActivity);
        Wake();
    }

    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            flushes.Add(done);
            flushAsked.TrySetResult();
        }

        Wake();
        return done.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationView>> ListAsync(string tenant, ConversationQuery query, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync().ConfigureAwait(false);
        var sql = new System.Text.StringBuilder($"SELECT view FROM {table} WHERE tenant = @tenant");
        var parameters = new List<(string, object)> { ("@tenant", tenant), ("@limit", query.Limit) };
        if (query.Status is { } status)
        {
            sql.Append(" AND status = @status");
            parameters.Add(("@status", StatusName(status)));
        }

        if (query.AssigneeId is { } assignee)
        {
            sql.Append(" AND assignee_id = @assignee");
            parameters.Add(("@assignee", assignee));
        }

        if (query.Unassigned) sql.Append(" AND routing IN ('queued', 'bot')");
        if (query.Label is { } label)
        {
            sql.Append(" AND labels LIKE @label");
            parameters.Add(("@label", $"%|{label}|%"));
        }

        if (query.Before is { } before)
        {
            sql.Append(" AND last_activity < @before");
            parameters.Add(("@before", before.UtcTicks));
        }

        sql.Append(" ORDER BY last_activity DESC, id LIMIT @limit");
        await using var connection = await dialect.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql.ToString(), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<ConversationView>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            views.Add(JsonSerializer.Deserialize(reader.GetString(0), ConversationJsonContext.Default.ConversationView)!);
        return views;
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync().ConfigureAwait(false);
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await writer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        writerThread?.Dispose();
        await dialect.DisposeAsync().ConfigureAwait(false);
    }

    // One wake-up per round, however many summaries arrive meanwhile (the writer takes them all).
    private void Wake()
    {
        lock (gate)
        {
            if (awake) return;
            awake = true;
        }

        signal.Release();
    }

    private static string StatusName(ConversationStatus status) => JsonSerializer.Serialize(status, ConversationJsonContext.Default.ConversationStatus).Trim('"');

    private static string RoutingName(RoutingState routing) => routing switch
    {
        RoutingState.Queued => "queued",
        RoutingState.Assigned => "assigned",
        RoutingState.Bot => "bot",
        _ => "none",
    };

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
