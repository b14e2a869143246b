namespace CustomerService.Runtime.Testing;

/// <summary>A clock that moves only when a test advances it. Timers fire, in due order, during <see cref="Advance"/>,
/// so tests of timeouts, timers and idle collection need no sleeps.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now;

    /// <summary>Creates a clock starting at <paramref name="start"/> (default: 2026-01-01 UTC).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delta), "Time only moves forward.");
        DateTimeOffset target;
        lock (gate) target = now + delta;
        while (true)
        {
            ManualTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.Due <= target).MinBy(t => t.Due);
                if (next is null)
                {
                    now = target;
                    return;
                }

                if (next.Due > now) now = next.Due;
                next.Reschedule();
            }

            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                this.period = period;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                Due = clock.now + dueTime;
                clock.timers.Add(this);
                return true;
            }
        }

        // Called with the clock's gate held, before firing: a periodic timer is due again one period later.
        public void Reschedule()
        {
            clock.timers.Remove(this);
            if (period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero) return;
            Due += period;
            clock.timers.Add(this);
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock.gate) clock.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
