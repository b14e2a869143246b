namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>A token bucket refilled lazily on each take: no timer per bucket, so one per connection is cheap.</summary>
internal sealed class TokenBucket(double permitsPerSecond, double capacity, TimeProvider time)
{
    private readonly Lock sync = new();
    private readonly double burst = capacity;
    private double tokens = capacity;
    private long last = time.GetTimestamp();

    public bool TryTake()
    {
        lock (sync)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(burst, tokens + time.GetElapsedTime(last, now).TotalSeconds * permitsPerSecond);
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }
}
