using System.Globalization;

namespace CustomerService.Bench.Runtime;

/// <summary>CPU time used so far by one PostgreSQL server: its postmaster (with children that already ended) and the
/// processes it started (backends, WAL writer, checkpointer), read from /proc on Linux. Null elsewhere.</summary>
internal static class PostgreSqlServerCpu
{
    public static double? Seconds(string dataDirectory)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            var ticks = Ticks(postmaster, withEndedChildren: true);
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == postmaster) continue;
                var fields = Fields(pid);
                if (fields is not null && fields[1] == postmaster.ToString(CultureInfo.InvariantCulture)) ticks += Ticks(fields, false);
            }

            return ticks / 100.0; // USER_HZ is 100 on Linux
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static long Ticks(int pid, bool withEndedChildren) => Fields(pid) is { } fields ? Ticks(fields, withEndedChildren) : 0;

    // After the command name: state, ppid, …; utime, stime, cutime, cstime are fields 14–17 of /proc/pid/stat.
    private static long Ticks(string[] fields, bool withEndedChildren)
    {
        long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
        return Field(14) + Field(15) + (withEndedChildren ? Field(16) + Field(17) : 0);
    }

    /// <summary>The fields after "(comm)", numbered so that fields[0] is field 3 (state) and fields[1] the ppid.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // ended meanwhile
        }
    }
}
