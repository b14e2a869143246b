namespace CustomerService.Runtime;

/// <summary>A storage provider for grain state. Implementations must make writes and clears conditional on the ETag:
/// when the stored version differs from <see cref="IGrainState{TState}.ETag"/>, throw
/// <see cref="InconsistentStateException"/> and change nothing.</summary>
public interface IGrainStorage
{
    /// <summary>Loads the state; when nothing is stored, sets <see cref="IGrainState{TState}.RecordExists"/> to false
    /// and leaves a fresh state object.</summary>
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);

    /// <summary>Stores the state if the stored version equals <see cref="IGrainState{TState}.ETag"/>
    /// (<c>null</c>: nothing stored yet) and sets the new ETag.</summary>
    Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);

    /// <summary>Removes the stored state under the same condition as a write and sets the new ETag.</summary>
    Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);
}
