namespace CustomerService.Runtime.Storage;

/// <summary>Creates the fresh state object that storage providers hand out when nothing is stored.</summary>
/// <remarks><see cref="IGrainStorage"/>'s methods are generic without a <c>new()</c> constraint, so the
/// constructor is found by reflection — once per state type, never per call.</remarks>
public static class GrainStateFactory
{
    /// <summary>Returns a new, empty <typeparamref name="TState"/>: the parameterless constructor for classes, the
    /// default value for structs.</summary>
    /// <exception cref="InvalidOperationException">The state type is a class without a public parameterless
    /// constructor.</exception>
    public static TState Create<TState>() => Cache<TState>.Create();

    private static class Cache<TState>
    {
        public static readonly Func<TState> Create = Build();

        private static Func<TState> Build()
        {
            var type = typeof(TState);
            if (type.IsValueType) return static () => default!;
            if (!type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
                return Activator.CreateInstance<TState>;
            return static () => throw new InvalidOperationException(
                $"Grain state type {typeof(TState)} needs a public parameterless constructor so that storage can " +
                "create an empty state when nothing is stored.");
        }
    }
}
