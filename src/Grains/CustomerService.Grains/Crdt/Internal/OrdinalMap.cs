using System.Collections.Immutable;

namespace CustomerService.Grains.Crdt.Internal;

/// <summary>Helpers for the string-keyed sorted maps the CRDTs are made of. Keys always compare ordinally, so the
/// order (and the JSON written) is the same on every machine whatever the culture.</summary>
internal static class OrdinalMap
{
    /// <summary>Copies <paramref name="source"/> into an ordinal map, checking every key and value and dropping the
    /// entries <paramref name="keep"/> rejects.</summary>
    public static ImmutableSortedDictionary<string, TValue> From<TValue>(
        IEnumerable<KeyValuePair<string, TValue>>? source, string paramName,
        Action<TValue, string> check, Func<TValue, bool> keep)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, TValue>(StringComparer.Ordinal);
        if (source is null) return builder.ToImmutable();
        foreach (var (key, value) in source)
        {
            if (string.IsNullOrEmpty(key)) throw new ArgumentException("Keys must not be null or empty.", paramName);
            check(value, paramName);
            if (keep(value)) builder.Add(key, value);
        }
        return builder.ToImmutable();
    }

    /// <summary>The union of two maps, joining the values of keys present in both.</summary>
    public static ImmutableSortedDictionary<string, TValue> Union<TValue>(
        ImmutableSortedDictionary<string, TValue> left, ImmutableSortedDictionary<string, TValue> right,
        Func<TValue, TValue, TValue> join)
    {
        if (right.IsEmpty) return left;
        if (left.IsEmpty) return right;
        var builder = left.ToBuilder();
        foreach (var (key, theirs) in right)
            builder[key] = builder.TryGetValue(key, out var mine) ? join(mine, theirs) : theirs;
        return builder.ToImmutable();
    }

    /// <summary>True when both maps hold the same keys with equal values.</summary>
    public static bool Equal<TValue>(ImmutableSortedDictionary<string, TValue> left, ImmutableSortedDictionary<string, TValue> right)
    {
        if (ReferenceEquals(left, right)) return true;
        if (left.Count != right.Count) return false;
        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in left)
            if (!right.TryGetValue(key, out var other) || !comparer.Equals(value, other)) return false;
        return true;
    }

    /// <summary>A hash of the entries, consistent with <see cref="Equal{TValue}"/>.</summary>
    public static int Hash<TValue>(ImmutableSortedDictionary<string, TValue> map)
    {
        var hash = new HashCode();
        foreach (var (key, value) in map)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>Formats the entries as <c>{ key: value, ... }</c>.</summary>
    public static string Format<TValue>(ImmutableSortedDictionary<string, TValue> map) =>
        map.IsEmpty ? "{ }" : "{ " + string.Join(", ", map.Select(entry => $"{entry.Key}: {entry.Value}")) + " }";
}
