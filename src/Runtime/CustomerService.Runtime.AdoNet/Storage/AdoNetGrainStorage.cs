using System.Data;
using CustomerService.Runtime.AdoNet.Dialects;
using CustomerService.Runtime.Serialization;
using CustomerService.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.AdoNet.Storage;

/// <summary>Grain storage in a SQLite or PostgreSQL table, with Orleans' ADO.NET semantics: the ETag is the row's
/// version; a write without an ETag inserts only when no row exists, a write or clear with one updates only the row
/// still at that version, and anything else raises <see cref="InconsistentStateException"/> and changes nothing.
/// A clear keeps the row with a NULL payload and a new version, so a handle that read before the clear still fails.
/// Writes and clears are group-committed: those that arrive while <see cref="AdoNetGrainStorageOptions.MaxConcurrentCommits"/>
/// transactions run share the next one, each still conditional on its own ETag; if that transaction fails, each of its
/// writes fails with a <see cref="System.Data.DataException"/> saying so (nothing is retried).
/// Register it with <c>AddSqliteGrainStorage</c> or <c>AddPostgreSqlGrainStorage</c>.</summary>
public sealed partial class AdoNetGrainStorage : IGrainStorage, IAsyncDisposable
{
    private readonly string serviceId;
    private readonly string table;
    private readonly AdoNetDialect dialect;
    private readonly GrainStateStatements sql;
    private readonly IGrainSerializer serializer;
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;
    private readonly SemaphoreSlim initializeGate = new(1, 1);
    private volatile bool initialized;

    internal AdoNetGrainStorage(string name, AdoNetGrainStorageOptions options, AdoNetDialect dialect,
        IGrainSerializer serializer, ILogger<AdoNetGrainStorage> logger, TimeProvider timeProvider)
    {
        Name = name;
        serviceId = options.ServiceId;
        table = options.TableName;
        this.dialect = dialect;
        sql = new GrainStateStatements(dialect, table);
        this.serializer = serializer;
        this.logger = logger;
        this.timeProvider = timeProvider;
        maxConcurrentCommits = options.MaxConcurrentCommits ?? dialect.Description.DefaultConcurrentCommits;
        maxWritesPerCommit = options.MaxWritesPerCommit;
    }

    /// <summary>The provider name grains refer to.</summary>
    public string Name { get; }

    /// <summary>Creates the table if it does not exist. Runs once per provider, at host start (a hosted service calls
    /// it) or else before the first operation; safe to call again and from several processes at once. A failed
    /// attempt is retried by the next call.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (initialized) return;
        await initializeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (initialized) return;
            logger.Starting(Name, dialect.Description.Engine, table, serviceId);
            var started = timeProvider.GetTimestamp();
            try
            {
                await dialect.ApplySchemaAsync(sql.CreateTable, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.SchemaFailed(e, Name, table);
                throw;
            }

            initialized = true;
            logger.SchemaReady(Name, table, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            initializeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await EnsureInitializedAsync().ConfigureAwait(false);
        string? payload = null;
        long? version = null;
        await using (var session = await dialect.OpenReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var command = session.CreateCommand(sql.Read);
            BindKey(command.Parameters, stateName, grainId);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow).ConfigureAwait(false);
            if (await reader.ReadAsync().ConfigureAwait(false))
            {
                payload = await reader.IsDBNullAsync(0).ConfigureAwait(false) ? null : reader.GetString(0);
                version = reader.GetInt64(1);
            }
        }

        grainState.State = payload is null ? GrainStateFactory.Create<TState>() : Deserialize<TState>(payload);
        grainState.ETag = version is { } stored ? VersionEtag.Format(stored) : null;
        grainState.RecordExists = payload is not null;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = Serialize(grainState.State);
        var version = await StoreAsync(stateName, grainId, grainState.ETag, payload, "write").ConfigureAwait(false);
        grainState.ETag = VersionEtag.Format(version);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainState.ETag is null)
        {
            // This handle saw nothing stored: the clear succeeds, changing nothing, only if that is still so.
            await EnsureInitializedAsync().ConfigureAwait(false);
            long? stored;
            await using (var session = await dialect.OpenReadAsync(CancellationToken.None).ConfigureAwait(false))
                stored = await ReadVersionAsync(session, stateName, grainId).ConfigureAwait(false);
            if (stored is not null) throw Conflict("clear", stateName, grainId, stored, null);
        }
        else
        {
            var version = await StoreAsync(stateName, grainId, grainState.ETag, null, "clear").ConfigureAwait(false);
            grainState.ETag = VersionEtag.Format(version);
        }

        grainState.State = GrainStateFactory.Create<TState>();
        grainState.RecordExists = false;
    }

    /// <summary>Closes the provider's connections.</summary>
    public ValueTask DisposeAsync()
    {
        lock (pendingGate) flusherThread?.Dispose();
        return dialect.DisposeAsync();
    }

    private Task EnsureInitializedAsync() => initialized ? Task.CompletedTask : InitializeAsync();

    /// <summary>Inserts (no ETag) or updates (ETag) the row, storing <paramref name="payload"/> (null: cleared),
    /// and returns the new version; throws <see cref="InconsistentStateException"/> when the condition fails.</summary>
    private async Task<long> StoreAsync(string stateName, GrainId grainId, string? expectedEtag, string? payload, string operation)
    {
        await EnsureInitializedAsync().ConfigureAwait(false);
        var outcome = await StoreGroupedAsync(new PendingWrite(stateName, grainId, expectedEtag, payload, operation)).ConfigureAwait(false);
        return outcome.Version ?? throw Conflict(operation, stateName, grainId, outcome.Stored, expectedEtag);
    }

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, long? stored, string? expected)
    {
        var storedEtag = stored is { } version ? VersionEtag.Format(version) : null;
        logger.Conflict(Name, operation, stateName, grainId, storedEtag, expected);
        return new InconsistentStateException(
            $"The {operation} of state '{stateName}' of grain {grainId} in grain storage '{Name}' was based on a version that is no longer the stored one; nothing was changed",
            storedEtag, expected);
    }
}
