#pragma warning disable CS1591 // placeholder
using CustomerService.Runtime.Serialization;

namespace CustomerService.Runtime.Storage;

// Placeholder until the storage branch lands; replaced by the full provider.
public sealed class MemoryGrainStorage(IGrainSerializer serializer) : IGrainStorage
{
    private readonly Dictionary<(string, GrainId), (byte[]? Payload, long Version)> rows = [];

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        lock (rows)
        {
            if (rows.TryGetValue((stateName, grainId), out var row))
            {
                grainState.ETag = row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                grainState.RecordExists = row.Payload is not null;
                grainState.State = row.Payload is null ? Activator.CreateInstance<TState>() : serializer.Deserialize<TState>(row.Payload);
            }
            else
            {
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
        => Put(stateName, grainId, grainState, serializer.SerializeToUtf8Bytes(grainState.State));

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
        => Put(stateName, grainId, grainState, null);

    private Task Put<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, byte[]? payload)
    {
        lock (rows)
        {
            var stored = rows.TryGetValue((stateName, grainId), out var row) ? row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (stored != grainState.ETag) throw new InconsistentStateException("Stale write", stored, grainState.ETag);
            var version = row.Version + 1;
            rows[(stateName, grainId)] = (payload, version);
            grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = payload is not null;
        }

        return Task.CompletedTask;
    }
}
