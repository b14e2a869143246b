using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime;

/// <summary>Orleans-style helpers on grains and grain references.</summary>
public static class AddressableExtensions
{
    /// <summary>The identity of a grain or a grain reference.</summary>
    public static GrainId GetGrainId(this IAddressable addressable) => addressable switch
    {
        Grain grain => grain.GrainContext.GrainId,
        GrainReference reference => reference.GrainId,
        _ => throw new ArgumentException(
            $"{addressable.GetType().Name} is neither a grain nor a grain reference; pass an object obtained from IGrainFactory.",
            nameof(addressable)),
    };

    /// <summary>The string key of a grain or a grain reference.</summary>
    public static string GetPrimaryKeyString(this IAddressable addressable) => addressable.GetGrainId().Key;
}
