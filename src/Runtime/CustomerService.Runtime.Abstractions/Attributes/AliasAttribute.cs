namespace CustomerService.Runtime;

/// <summary>A stable name for a grain class, a grain interface or a method, used on the wire and in storage, so that
/// renaming or moving the C# type never breaks stored data or a rolling upgrade.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Struct, Inherited = false)]
public sealed class AliasAttribute(string alias) : Attribute
{
    /// <summary>The stable name.</summary>
    public string Alias { get; } = alias;
}
