namespace CustomerService.Runtime;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the runtime injects the
/// state named <see cref="StateName"/> from the storage provider named <see cref="StorageName"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The name of the default storage provider.</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>The state's name, unique within the grain.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name.</summary>
    public string StorageName { get; } = storageName ?? DefaultStorageName;
}
