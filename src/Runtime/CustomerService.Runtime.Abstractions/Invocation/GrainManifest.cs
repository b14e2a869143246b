using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CustomerService.Runtime.Invocation;

/// <summary>The catalogue of generated code: proxies and requests for grain interfaces, factories for grain classes.
/// Generated module initializers fill it; the runtime reads it. Not for application code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainManifest
{
    private static readonly ConcurrentDictionary<Type, GrainInterfaceEntry> InterfacesByType = new();
    private static readonly ConcurrentDictionary<string, GrainInterfaceEntry> InterfacesByAlias = new();
    private static readonly ConcurrentDictionary<string, Func<GrainRequest>> Requests = new();
    private static readonly ConcurrentDictionary<Type, GrainClassEntry> ClassesByType = new();
    private static readonly ConcurrentDictionary<Assembly, bool> LoadedAssemblies = new();

    /// <summary>Registers a generated proxy.</summary>
    public static void AddInterface(Type interfaceType, string alias, Func<GrainId, IGrainCallInvoker, GrainReference> createProxy)
    {
        var entry = new GrainInterfaceEntry(interfaceType, alias, createProxy);
        InterfacesByType[interfaceType] = entry;
        InterfacesByAlias[alias] = entry;
    }

    /// <summary>Registers a generated request type under its wire alias.</summary>
    public static void AddRequest(string requestAlias, Func<GrainRequest> create) => Requests[requestAlias] = create;

    /// <summary>Registers a generated grain class factory.</summary>
    public static void AddGrainClass(GrainClassEntry entry) => ClassesByType[entry.GrainClass] = entry;

    /// <summary>Finds the proxy of a grain or observer interface, loading its assembly's generated code on first use.</summary>
    public static GrainInterfaceEntry GetInterface(Type interfaceType)
    {
        if (InterfacesByType.TryGetValue(interfaceType, out var entry)) return entry;
        EnsureLoaded(interfaceType.Assembly);
        return InterfacesByType.TryGetValue(interfaceType, out entry)
            ? entry
            : throw new InvalidOperationException(
                $"No proxy was generated for {interfaceType.FullName}. Make it extend IGrainWithStringKey or IGrainObserver " +
                "and set <UsesGrainCodeGen>true</UsesGrainCodeGen> in the project that declares it.");
    }

    /// <summary>Finds an interface by its alias.</summary>
    public static bool TryGetInterface(string alias, out GrainInterfaceEntry entry) => InterfacesByAlias.TryGetValue(alias, out entry!);

    /// <summary>Creates an empty request for a wire alias, to be filled by <see cref="GrainRequest.ReadArguments"/>.</summary>
    public static GrainRequest CreateRequest(string requestAlias) => Requests.TryGetValue(requestAlias, out var create)
        ? create()
        : throw new InvalidOperationException($"Unknown grain method '{requestAlias}': the silo does not have the grain interface that declares it.");

    /// <summary>Every registered grain class.</summary>
    public static ICollection<GrainClassEntry> GrainClasses => ClassesByType.Values;

    /// <summary>Resolves a grain constructor's service; a missing registration names the grain's dependency.</summary>
    public static T Resolve<T>(IServiceProvider services) => services.GetService(typeof(T)) is T service
        ? service
        : throw new InvalidOperationException(
            $"No service of type {typeof(T).FullName} is registered, but a grain constructor needs it. Register it in the silo's services.");

    /// <summary>Runs the generated registrations of <paramref name="assembly"/> (once).</summary>
    public static void EnsureLoaded(Assembly assembly)
    {
        if (LoadedAssemblies.TryAdd(assembly, true)) RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
    }
}

/// <summary>A generated proxy factory for one interface.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record GrainInterfaceEntry(Type InterfaceType, string Alias, Func<GrainId, IGrainCallInvoker, GrainReference> CreateProxy);

/// <summary>A generated factory for one grain class.</summary>
/// <param name="GrainClass">The grain class.</param>
/// <param name="Alias">Its stable type name, the <see cref="GrainId.Type"/> of its grains.</param>
/// <param name="Interfaces">The grain interfaces it implements.</param>
/// <param name="Create">Creates an instance for an activation.</param>
/// <param name="IsReentrant">Whether it carries <see cref="ReentrantAttribute"/>.</param>
/// <param name="CollectionAge">Its <see cref="CollectionAgeLimitAttribute"/>, if any.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record GrainClassEntry(
    Type GrainClass,
    string Alias,
    Type[] Interfaces,
    Func<IGrainContext, IServiceProvider, Grain> Create,
    bool IsReentrant,
    TimeSpan? CollectionAge);
