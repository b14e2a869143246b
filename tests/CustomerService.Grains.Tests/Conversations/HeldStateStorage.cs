using CustomerService.Runtime;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>Grain storage that can hold back the writes of one grain type (until released) and reads what is
/// stored: to show which calls wait for a state write and what a state write carries.</summary>
internal sealed class HeldStateStorage(IGrainStorage inner, string grainType) : IGrainStorage
{
    private TaskCompletionSource? gate;

    public int HeldWrites { get; private set; }

    public void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release()
    {
        var open = gate;
        gate = null;
        open?.TrySetResult();
    }

    /// <summary>The state stored for <paramref name="key"/> now.</summary>
    public async Task<TState> StoredAsync<TState>(string stateName, string key)
    {
        var read = new Runtime.Storage.GrainState<TState>();
        await inner.ReadStateAsync(stateName, new GrainId(grainType, key), read);
        return read.State;
    }

    /// <summary>Replaces the state stored for <paramref name="key"/> (as an older version of the grain wrote it).</summary>
    public async Task RewriteAsync<TState>(string stateName, string key, Action<TState> change)
    {
        var id = new GrainId(grainType, key);
        var stored = new Runtime.Storage.GrainState<TState>();
        await inner.ReadStateAsync(stateName, id, stored);
        change(stored.State);
        await inner.WriteStateAsync(stateName, id, stored);
    }

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        if (grainId.Type == grainType && gate is { } held)
        {
            HeldWrites++;
            await held.Task;
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
