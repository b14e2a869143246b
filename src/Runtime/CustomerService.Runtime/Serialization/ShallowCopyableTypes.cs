using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;

namespace CustomerService.Runtime.Serialization;

/// <summary>Decides, once per type, whether a value can be shared between caller and callee without copying:
/// immutable primitives, strings, <see cref="ImmutableAttribute"/> types, grain references, immutable collections of
/// such, structs made only of such, and sealed classes whose fields are all readonly and of such types
/// (which covers records with init-only properties).</summary>
public static class ShallowCopyableTypes
{
    private static readonly ConcurrentDictionary<Type, bool> Cache = new();

    private static readonly HashSet<Type> Known =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
        typeof(DateOnly), typeof(TimeOnly), typeof(Uri), typeof(Version), typeof(GrainId), typeof(Half), typeof(Int128),
        typeof(UInt128),
    ];

    private static readonly HashSet<Type> ImmutableCollections =
    [
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableHashSet<>), typeof(ImmutableSortedSet<>),
        typeof(ImmutableDictionary<,>), typeof(ImmutableSortedDictionary<,>), typeof(ImmutableQueue<>), typeof(ImmutableStack<>),
    ];

    /// <summary>True when values of <paramref name="type"/> never change after construction.</summary>
    public static bool IsShallowCopyable(Type type) => Cache.TryGetValue(type, out var known) ? known : Cache.GetOrAdd(type, Decide(type, []));

    private static bool Decide(Type type, HashSet<Type> visiting)
    {
        if (Cache.TryGetValue(type, out var known)) return known;
        if (type.IsPrimitive || type.IsEnum || Known.Contains(type)) return true;
        if (type.IsDefined(typeof(ImmutableAttribute), inherit: false)) return true;
        if (typeof(IAddressable).IsAssignableFrom(type) && (type.IsInterface || typeof(Invocation.GrainReference).IsAssignableFrom(type))) return true;
        if (type.IsArray || type.IsInterface || type.IsPointer || type == typeof(object) || type.IsAbstract) return false;
        if (type.IsGenericType && ImmutableCollections.Contains(type.GetGenericTypeDefinition()))
            return type.GetGenericArguments().All(argument => Decide(argument, visiting));
        if (!visiting.Add(type)) return true; // a cycle: decided by the other fields

        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (type.IsValueType) return fields.All(field => Decide(field.FieldType, visiting));
        return type.IsSealed && fields.All(field => field.IsInitOnly && Decide(field.FieldType, visiting));
    }
}
