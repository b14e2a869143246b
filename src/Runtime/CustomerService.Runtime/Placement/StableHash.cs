using System.Buffers;
using System.Text;

namespace CustomerService.Runtime.Placement;

/// <summary>A 64-bit string hash that is the same in every process, on every machine and in every version of .NET
/// (unlike <see cref="string.GetHashCode()"/>, which is randomised per process): FNV-1a over the UTF-8 bytes, then a
/// 64-bit avalanche finaliser so that similar strings (<c>silo#1</c>, <c>silo#2</c>) land far apart.</summary>
public static class StableHash
{
    private const ulong FnvOffsetBasis = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;
    private const int StackLimit = 256;

    /// <summary>The hash of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static ulong Hash64(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            return Hash64(buffer[..written]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The hash of <paramref name="bytes"/>.</summary>
    public static ulong Hash64(ReadOnlySpan<byte> bytes)
    {
        var hash = FnvOffsetBasis;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return Mix(hash);
    }

    // FNV-1a's last bytes reach only the low bits well; these xor-shift-multiply rounds spread every input bit over
    // the whole word (the constants are the widely published 64-bit finaliser ones).
    private static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xff51afd7ed558ccd;
        value ^= value >> 33;
        value *= 0xc4ceb9fe1a85ec53;
        value ^= value >> 33;
        return value;
    }
}
