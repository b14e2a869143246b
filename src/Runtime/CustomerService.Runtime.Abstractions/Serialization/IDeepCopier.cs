namespace CustomerService.Runtime.Serialization;

/// <summary>Copies call arguments and results so that caller and callee never share a mutable object,
/// exactly as if the call had crossed the network.</summary>
public interface IDeepCopier
{
    /// <summary>Returns an independent copy of <paramref name="value"/>, or the value itself when its type is immutable.</summary>
    T Copy<T>(T value);
}
