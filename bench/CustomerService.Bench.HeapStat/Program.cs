using Microsoft.Diagnostics.Runtime;

// heapstat PID [top] [strings]: the objects on the managed heap of a running process, by type (bytes, count), read
// through a suspended attach (ptrace: run as the process's user or root). Call /metrics/memory?collect=true first, so
// that the heap holds live objects only; take one snapshot before and one after opening connections and subtract.
// "strings" adds strings grouped by length and shape (hex digits masked), to tell tokens, keys and headers apart.
if (args.Length == 0 || !int.TryParse(args[0], out var pid))
{
    Console.Error.WriteLine("usage: heapstat PID [top=60] [strings]");
    return 2;
}

var top = args.Length > 1 && int.TryParse(args[1], out var t) ? t : 60;
using var target = DataTarget.AttachToProcess(pid, suspend: true);
using var runtime = target.ClrVersions[0].CreateRuntime();
var heap = runtime.Heap;

var byType = new Dictionary<string, (long Count, long Bytes)>();
var strings = new Dictionary<string, (long Count, long Bytes)>();
long total = 0, count = 0;
var withStrings = args.Length > 2 && args[2] == "strings";
foreach (var obj in heap.EnumerateObjects())
{
    if (!obj.IsValid || obj.IsFree) continue;
    var size = (long)obj.Size;
    Add(byType, obj.Type?.Name ?? "?", size);
    total += size;
    count++;
    if (withStrings && obj.Type?.IsString == true) Add(strings, Shape(obj.AsString(200) ?? ""), size);
}

Console.WriteLine($"objects {count:N0}, bytes {total:N0}");
Print(byType, top);
if (withStrings)
{
    Console.WriteLine("--- strings by length and shape");
    Print(strings, 40);
}

return 0;

static void Add(Dictionary<string, (long Count, long Bytes)> table, string key, long size)
{
    table.TryGetValue(key, out var s);
    table[key] = (s.Count + 1, s.Bytes + size);
}

static void Print(Dictionary<string, (long Count, long Bytes)> table, int top)
{
    foreach (var (name, s) in table.OrderByDescending(kv => kv.Value.Bytes).Take(top))
        Console.WriteLine($"{s.Bytes,14:N0} {s.Count,10:N0}  {name}");
}

// Lower-case hex digits become 9 (digits) or x (letters), so ids of one kind fall into one group.
static string Shape(string text)
{
    var head = text.Length > 14 ? text[..14] : text;
    var masked = new string([.. head.Select(c => char.IsAsciiDigit(c) ? '9' : c is >= 'a' and <= 'f' ? 'x' : c)]);
    return $"len~{text.Length / 10 * 10,4} {masked}";
}
