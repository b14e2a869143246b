namespace CustomerService.Runtime;

/// <summary>The state of one grain in one storage provider, with the ETag of the version it last read or wrote.</summary>
public interface IGrainState<TState>
{
    /// <summary>The state object.</summary>
    TState State { get; set; }

    /// <summary>The version the state was read at or last written as; <c>null</c> if nothing was ever stored.</summary>
    string? ETag { get; set; }

    /// <summary>True when storage holds a record for this grain.</summary>
    bool RecordExists { get; set; }
}

/// <summary>A named piece of a grain's persistent state, injected through the grain constructor with
/// <see cref="PersistentStateAttribute"/>. Every write is conditional on <see cref="Etag"/>: a write based on a stale
/// read raises <see cref="InconsistentStateException"/> and stores nothing.</summary>
public interface IPersistentState<TState>
{
    /// <summary>The state object. Changes are in memory until <see cref="WriteStateAsync"/>.</summary>
    TState State { get; set; }

    /// <summary>The version of the stored state this object corresponds to.</summary>
    string? Etag { get; }

    /// <summary>True when storage holds a record for this grain.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the state again from storage, replacing <see cref="State"/>.</summary>
    Task ReadStateAsync();

    /// <summary>Writes <see cref="State"/> if storage still holds the version this object read or last wrote.</summary>
    Task WriteStateAsync();

    /// <summary>Removes the stored state (if the version still matches) and resets <see cref="State"/>.</summary>
    Task ClearStateAsync();
}
