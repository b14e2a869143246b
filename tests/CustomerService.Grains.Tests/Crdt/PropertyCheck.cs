using FsCheck;
using FsCheck.Fluent;

namespace CustomerService.Grains.Tests.Crdt;

/// <summary>Runs FsCheck properties from plain xunit facts (FsCheck.Xunit is not on the feed); a failing property
/// throws with the shrunk counterexample in the message.</summary>
internal static class PropertyCheck
{
    private const int DefaultTests = 200;

    private static Config Config(int tests) => FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests);

    public static void Holds<T>(Arbitrary<T> arb, Func<T, bool> property, int tests = DefaultTests) =>
        Check.One(Config(tests), Prop.ForAll(arb, property));

    public static void Holds<T1, T2>(Arbitrary<T1> arb1, Arbitrary<T2> arb2, Func<T1, T2, bool> property, int tests = DefaultTests) =>
        Check.One(Config(tests), Prop.ForAll(arb1, arb2, property));

    public static void Holds<T1, T2, T3>(
        Arbitrary<T1> arb1, Arbitrary<T2> arb2, Arbitrary<T3> arb3, Func<T1, T2, T3, bool> property, int tests = DefaultTests) =>
        Check.One(Config(tests), Prop.ForAll(arb1, arb2, arb3, property));

    /// <summary>Shrinks a list by dropping its second half, then one element at a time.</summary>
    public static IEnumerable<T[]> ShrinkList<T>(T[] items)
    {
        if (items.Length > 1) yield return items[..(items.Length / 2)];
        for (var i = 0; i < items.Length; i++) yield return [.. items[..i], .. items[(i + 1)..]];
    }
}
