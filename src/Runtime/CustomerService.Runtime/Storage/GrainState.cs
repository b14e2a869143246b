namespace CustomerService.Runtime.Storage;

/// <summary>A plain holder of one grain's state and ETag, for code that talks to an <see cref="IGrainStorage"/>
/// directly (tests, tools, benchmarks). Grains get <see cref="IPersistentState{TState}"/> instead.</summary>
/// <typeparam name="TState">The state type.</typeparam>
public sealed class GrainState<TState> : IGrainState<TState>
{
    /// <summary>Creates a holder with a fresh state and no ETag, as before the first read.</summary>
    public GrainState() => State = GrainStateFactory.Create<TState>();

    /// <summary>Creates a holder with the given state and ETag.</summary>
    public GrainState(TState state, string? etag = null)
    {
        State = state;
        ETag = etag;
    }

    /// <inheritdoc />
    public TState State { get; set; }

    /// <inheritdoc />
    public string? ETag { get; set; }

    /// <inheritdoc />
    public bool RecordExists { get; set; }
}
