using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Serialization;

/// <summary>Copies arguments and results through the JSON serializer, except for types that cannot change after
/// construction, which are passed as they are. This is the copy a call across the network would make.</summary>
public sealed class DeepCopier(IGrainSerializer serializer) : IDeepCopier
{
    /// <inheritdoc />
    public T Copy<T>(T value)
    {
        if (ShallowCopyable<T>.Value || value is null || value is GrainReference) return value;
        return serializer.Deserialize<T>(serializer.SerializeToUtf8Bytes(value));
    }

    // One decision per type, made once; the JIT folds the static readonly bool into the generic instantiation.
    private static class ShallowCopyable<T>
    {
        public static readonly bool Value = ShallowCopyableTypes.IsShallowCopyable(typeof(T));
    }
}
