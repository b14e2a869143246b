using System.Text.Json;
using CustomerService.Grains.Crdt;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerService.Grains.Tests.Crdt;

/// <summary>The join-semilattice laws every state-based CRDT merge must obey. "Same" means equal by
/// <c>Equals</c> and by canonical JSON, so that a broken <c>Equals</c> cannot make a law pass on its own.</summary>
internal static class MergeLaws
{
    public static void Commutative<T>(Gen<T> gen, Func<T, T, T> merge) where T : notnull
    {
        var arb = gen.ToArbitrary();
        PropertyCheck.Holds(arb, arb, (a, b) => Same(merge(a, b), merge(b, a)));
    }

    public static void Associative<T>(Gen<T> gen, Func<T, T, T> merge) where T : notnull
    {
        var arb = gen.ToArbitrary();
        PropertyCheck.Holds(arb, arb, arb, (a, b, c) => Same(merge(merge(a, b), c), merge(a, merge(b, c))));
    }

    public static void Idempotent<T>(Gen<T> gen, Func<T, T, T> merge) where T : notnull
    {
        var arb = gen.ToArbitrary();
        PropertyCheck.Holds(arb, arb, (a, b) => Same(merge(a, a), a) && Same(merge(merge(a, b), b), merge(a, b)));
    }

    public static bool Same<T>(T left, T right) where T : notnull =>
        left.Equals(right) && Json(left) == Json(right);

    private static string Json<T>(T value) where T : notnull =>
        JsonSerializer.Serialize(value, typeof(T), CrdtJsonContext.Default);
}
