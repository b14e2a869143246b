using CustomerService.Runtime.Serialization;

namespace CustomerService.Runtime.Storage;

/// <summary>Grain storage in process memory, for tests and single-process demos; everything is lost when the process
/// ends. It keeps serialized JSON, never the caller's objects, so a reader cannot observe a writer's later in-memory
/// changes, and it enforces the same ETag rules as the database providers: the ETag is the version number, a write
/// or clear must name the stored version (or <c>null</c> when nothing is stored), and a cleared state keeps its
/// version so that a stale handle still fails.</summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly IGrainSerializer serializer;
    private readonly Lock gate = new();
    private readonly Dictionary<(string StateName, GrainId GrainId), StoredState> states = [];

    /// <summary>Creates an empty store.</summary>
    /// <param name="serializer">Serializes the states; the same serializer the runtime uses for grain state.</param>
    public MemoryGrainStorage(IGrainSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        this.serializer = serializer;
    }

    /// <inheritdoc />
    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        StoredState? stored;
        lock (gate) states.TryGetValue((stateName, grainId), out stored);

        // Deserializing outside the lock is safe: a stored payload array is never modified, only replaced.
        grainState.State = stored?.Payload is { } payload
            ? serializer.Deserialize<TState>(payload)
            : GrainStateFactory.Create<TState>();
        grainState.ETag = stored is null ? null : VersionEtag.Format(stored.Version);
        grainState.RecordExists = stored?.Payload is not null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = serializer.SerializeToUtf8Bytes(grainState.State);
        var version = Swap(stateName, grainId, grainState.ETag, payload, "write");
        grainState.ETag = VersionEtag.Format(version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainState.ETag is null)
        {
            // Nothing stored as far as this handle knows: succeed only if that is still true.
            lock (gate)
            {
                if (states.TryGetValue((stateName, grainId), out var stored))
                    throw Conflict("clear", stateName, grainId, stored.Version, null);
            }
        }
        else
        {
            grainState.ETag = VersionEtag.Format(Swap(stateName, grainId, grainState.ETag, null, "clear"));
        }

        grainState.State = GrainStateFactory.Create<TState>();
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Stores <paramref name="payload"/> (null: cleared) if the stored version is the expected one and
    /// returns the new version.</summary>
    private long Swap(string stateName, GrainId grainId, string? expectedEtag, byte[]? payload, string operation)
    {
        var key = (stateName, grainId);
        lock (gate)
        {
            states.TryGetValue(key, out var stored);
            long next;
            if (expectedEtag is null)
            {
                if (stored is not null) throw Conflict(operation, stateName, grainId, stored.Version, null);
                next = VersionEtag.FirstVersion;
            }
            else
            {
                if (stored is null || !VersionEtag.TryParse(expectedEtag, out var expected) || expected != stored.Version)
                    throw Conflict(operation, stateName, grainId, stored?.Version, expectedEtag);
                next = stored.Version + 1;
            }

            states[key] = new StoredState(payload, next);
            return next;
        }
    }

    private static InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, long? stored, string? expected) =>
        new($"The {operation} of state '{stateName}' of grain {grainId} was based on a version that is no longer the stored one; nothing was changed",
            stored is { } version ? VersionEtag.Format(version) : null, expected);

    private sealed record StoredState(byte[]? Payload, long Version);
}
