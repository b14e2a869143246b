namespace CustomerService.Runtime;

/// <summary>Instances of this type are never changed after construction, so calls pass them without copying.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class ImmutableAttribute : Attribute;
