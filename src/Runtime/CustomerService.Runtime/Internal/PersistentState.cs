using System.Security.Cryptography;
using CustomerService.Runtime.Serialization;

namespace CustomerService.Runtime.Internal;

/// <summary>What an activation does with each of its states: load before activation, write on deactivation.</summary>
internal interface IActivationState
{
    Task LoadAsync();

    /// <summary>Writes the state if it differs from what was last read or written.</summary>
    Task<bool> WriteIfChangedAsync();
}

/// <summary>One named state of one activation, bound to its storage provider.</summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage, IGrainSerializer serializer)
    : IPersistentState<TState>, IGrainState<TState>, IActivationState where TState : new()
{
    private byte[] snapshot = [];

    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists { get; set; }

    string? IGrainState<TState>.ETag
    {
        get => Etag;
        set => Etag = value;
    }

    public async Task ReadStateAsync()
    {
        await storage.ReadStateAsync(stateName, grainId, this);
        TakeSnapshot();
    }

    public async Task WriteStateAsync()
    {
        await storage.WriteStateAsync(stateName, grainId, this);
        TakeSnapshot();
    }

    public async Task ClearStateAsync()
    {
        await storage.ClearStateAsync(stateName, grainId, this);
        State = new TState();
        RecordExists = false;
        TakeSnapshot();
    }

    public Task LoadAsync() => ReadStateAsync();

    public async Task<bool> WriteIfChangedAsync()
    {
        if (Hash().AsSpan().SequenceEqual(snapshot)) return false;
        await WriteStateAsync();
        return true;
    }

    // A hash of the serialized state tells whether it changed without keeping a second copy of it.
    private void TakeSnapshot() => snapshot = Hash();

    private byte[] Hash() => SHA256.HashData(serializer.SerializeToUtf8Bytes(State));
}
