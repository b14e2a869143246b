using System.ComponentModel;

namespace CustomerService.Runtime;

/// <summary>Hands the activation's context to the <see cref="Grain"/> constructor while the runtime creates a grain.
/// Not for application code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RuntimeContext
{
    [ThreadStatic] private static IGrainContext? creating;

    /// <summary>The context of the grain being constructed on this thread, if any.</summary>
    public static IGrainContext? Creating => creating;

    /// <summary>Runs <paramref name="create"/> with <paramref name="context"/> visible to the <see cref="Grain"/> constructor.</summary>
    public static Grain Construct(IGrainContext context, Func<Grain> create)
    {
        var previous = creating;
        creating = context;
        try
        {
            return create();
        }
        finally
        {
            creating = previous;
        }
    }
}
