namespace CustomerService.Runtime;

/// <summary>The identity of a grain: its type alias and its key. Stable across processes and restarts.</summary>
/// <param name="Type">The alias of the grain class (see <see cref="AliasAttribute"/>), or a system type for observers.</param>
/// <param name="Key">The primary key.</param>
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary>The grain type used for observer objects hosted by a client or a silo.</summary>
    public const string ObserverType = "sys.observer";

    /// <summary>True for an observer object rather than a grain.</summary>
    public bool IsObserver => Type == ObserverType;

    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
