using System.Runtime;

namespace CustomerService.WebFront.Hosting;

/// <summary>Where the working set goes, for <c>/metrics/memory</c>: what the GC has committed against what its heap
/// holds, and the process's resident memory split into anonymous (heaps, stacks, native allocations) and file-backed
/// (mapped code) pages.</summary>
internal static class MemoryBreakdown
{
    public static GcFigures Gc()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var variables = GC.GetConfigurationVariables();
        return new GcFigures(
            GCSettings.IsServerGC,
            variables.TryGetValue("HeapCount", out var heaps) ? Convert.ToInt64(heaps, System.Globalization.CultureInfo.InvariantCulture) : 0,
            info.TotalCommittedBytes,
            info.HeapSizeBytes,
            info.FragmentedBytes,
            GC.GetGCMemoryInfo(GCKind.Ephemeral).GenerationInfo[0].SizeAfterBytes,
            info.PinnedObjectsCount,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    public static ProcessFigures Process(System.Diagnostics.Process process)
    {
        long anon = 0, file = 0;
        if (OperatingSystem.IsLinux())
        {
            try
            {
                foreach (var line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = Kb(line);
                    else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = Kb(line);
                }
            }
            catch (IOException)
            {
            }
        }
        return new ProcessFigures(anon, file, process.Threads.Count, process.PrivateMemorySize64);
    }

    private static long Kb(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
}

/// <summary>The GC's view: <c>Committed</c> is what it holds from the OS (the part of the working set it owns);
/// <c>HeapSize</c> and <c>Fragmented</c> are as of the last collection; <c>HeapCount</c> is the number of Server GC
/// heaps (it changes with load under DATAS).</summary>
public sealed record GcFigures(bool Server, long HeapCount, long Committed, long HeapSize, long Fragmented, long Gen0After,
    long PinnedObjects, int Gen0Collections, int Gen1Collections, int Gen2Collections);

/// <summary>Resident anonymous and file-backed memory (Linux; 0 elsewhere), threads, private bytes.</summary>
public sealed record ProcessFigures(long RssAnon, long RssFile, int Threads, long PrivateBytes);
