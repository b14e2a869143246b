using System.Collections.Concurrent;
using System.Reflection;
using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Internal;

/// <summary>Knows the grain classes of this process: by alias (to activate them) and by interface (to address them).
/// Grain assemblies are found once at start: those loaded, those the entry assembly references, and those added
/// explicitly.</summary>
internal sealed class GrainTypeResolver
{
    private readonly ConcurrentDictionary<Type, (GrainInterfaceEntry Proxy, string GrainType)> byInterface = new();
    private readonly IReadOnlyList<Assembly> explicitAssemblies;
    private volatile Dictionary<string, GrainClassEntry> byAlias = [];
    private readonly object discoveryGate = new();
    private volatile bool discovered;

    public GrainTypeResolver(IEnumerable<GrainAssembly> assemblies) => explicitAssemblies = [.. assemblies.Select(a => a.Assembly)];

    /// <summary>The aliases of every grain class this silo can activate.</summary>
    public IReadOnlyList<string> GrainClassAliases()
    {
        EnsureDiscovered();
        return [.. byAlias.Keys.Order(StringComparer.Ordinal)];
    }

    public bool TryGetClass(string alias, out GrainClassEntry entry)
    {
        EnsureDiscovered();
        if (byAlias.TryGetValue(alias, out entry!)) return true;
        Refresh();
        return byAlias.TryGetValue(alias, out entry!);
    }

    public (GrainInterfaceEntry Proxy, string GrainType) ForInterface(Type interfaceType)
        => byInterface.TryGetValue(interfaceType, out var found) ? found : byInterface.GetOrAdd(interfaceType, Resolve);

    private (GrainInterfaceEntry, string) Resolve(Type interfaceType)
    {
        var proxy = GrainManifest.GetInterface(interfaceType);
        EnsureDiscovered();
        var candidates = Candidates(interfaceType);
        if (candidates.Count == 0)
        {
            Refresh();
            candidates = Candidates(interfaceType);
        }

        return candidates.Count switch
        {
            1 => (proxy, candidates[0].Alias),
            0 => throw new InvalidOperationException(
                $"No grain class implements {interfaceType.FullName}. Reference the assembly that has it from the silo " +
                "(or add it with AddGrainAssembly), and make sure it sets <UsesGrainCodeGen>true</UsesGrainCodeGen>."),
            _ => throw new InvalidOperationException(
                $"Several grain classes implement {interfaceType.FullName} ({string.Join(", ", candidates.Select(c => c.GrainClass.Name))}); " +
                "give each its own interface."),
        };
    }

    private List<GrainClassEntry> Candidates(Type interfaceType)
        => byAlias.Values.Where(c => c.Interfaces.Contains(interfaceType)).ToList();

    private void EnsureDiscovered()
    {
        if (discovered) return;
        lock (discoveryGate)
        {
            if (discovered) return;
            foreach (var assembly in explicitAssemblies) GrainManifest.EnsureLoaded(assembly);
            foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(HasGrains)) GrainManifest.EnsureLoaded(assembly);
            LoadReferencedGrainAssemblies(Assembly.GetEntryAssembly());
            Refresh();
            discovered = true;
        }
    }

    private void Refresh()
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(HasGrains)) GrainManifest.EnsureLoaded(assembly);
        byAlias = GrainManifest.GrainClasses.ToDictionary(c => c.Alias, StringComparer.Ordinal);
    }

    private static void LoadReferencedGrainAssemblies(Assembly? root)
    {
        if (root is null) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            if (HasGrains(assembly)) GrainManifest.EnsureLoaded(assembly);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || IsFramework(reference.Name) || !seen.Add(reference.Name)) continue;
                try
                {
                    pending.Push(Assembly.Load(reference));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // An optional dependency that is not deployed cannot hold grains we need.
                }
            }
        }
    }

    private static bool IsFramework(string name)
        => name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.Ordinal)
           || name is "netstandard" or "mscorlib" or "xunit.core" or "xunit.assert";

    private static bool HasGrains(Assembly assembly) => assembly.IsDefined(typeof(GeneratedGrainCodeAttribute), false);
}

/// <summary>An assembly added explicitly to the silo's grain classes.</summary>
internal sealed record GrainAssembly(Assembly Assembly);
