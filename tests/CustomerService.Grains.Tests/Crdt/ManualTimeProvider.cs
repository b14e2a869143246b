namespace CustomerService.Grains.Tests.Crdt;

/// <summary>A wall clock the test sets by hand; it may be moved backwards, as real clocks sometimes are.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public static DateTimeOffset Start { get; } = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    public ManualTimeProvider() : this(Start)
    {
    }

    public long UnixMs => _now.ToUnixTimeMilliseconds();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(long milliseconds) => _now = _now.AddMilliseconds(milliseconds);
}
