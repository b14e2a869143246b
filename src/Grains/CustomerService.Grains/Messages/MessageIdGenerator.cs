namespace CustomerService.Grains.Messages;

/// <summary>Makes unique, time-ordered message ids: 128 bits, the first 48 the Unix time in milliseconds and the other
/// 80 random, written as 26 Crockford base-32 characters (ULID-like), so ids sort as text in creation order.</summary>
/// <remarks>Within one millisecond (or if the clock steps back) the previous id's random part is incremented, so ids of
/// one generator are strictly increasing. Thread-safe.</remarks>
public sealed class MessageIdGenerator(TimeProvider timeProvider)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const ulong LowMask = (1UL << 16) - 1;
    private readonly Lock gate = new();
    private long lastMs = -1;
    private ulong randomHigh; // 64 upper bits of the random part
    private ulong randomLow;  // 16 lower bits

    /// <summary>The next id.</summary>
    public string Next()
    {
        ulong ms, high, low;
        lock (gate)
        {
            var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            if (now > lastMs)
            {
                lastMs = now;
                Span<byte> bytes = stackalloc byte[10];
                Random.Shared.NextBytes(bytes);
                randomHigh = BitConverter.ToUInt64(bytes);
                // Keep the top bit clear, so that incrementing within one millisecond cannot overflow in practice.
                randomHigh &= ~(1UL << 63);
                randomLow = BitConverter.ToUInt16(bytes[8..]);
            }
            else
            {
                randomLow = (randomLow + 1) & LowMask;
                if (randomLow == 0) randomHigh++;
            }

            (ms, high, low) = ((ulong)lastMs, randomHigh, randomLow);
        }

        return Encode(ms, high, low);
    }

    // 130 bits of text for 128 bits of id: the first character carries only the top 3 bits (as ULIDs do).
    private static string Encode(ulong ms, ulong high, ulong low) => string.Create(26, (ms, high, low), static (chars, id) =>
    {
        var top = (UInt128)(id.ms & 0xFFFF_FFFF_FFFF) << 80;
        var value = top | ((UInt128)id.high << 16) | id.low;
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
    });
}
