using CustomerService.Grains.Crdt.Internal;

namespace CustomerService.Grains.Crdt;

/// <summary>A hybrid logical clock (Kulkarni et al., 2014) for one replica. Its stamps follow the wall clock of the
/// injected <see cref="TimeProvider"/> when it moves forward, and fall back to the logical counter when it stalls
/// or runs backwards, so that <see cref="Now"/> never repeats or goes back. <see cref="Observe"/> moves the clock
/// past a stamp received from another replica, so that anything this replica does afterwards is ordered after it.
/// Thread-safe.</summary>
/// <remarks>A replica that restarts from persisted state should <see cref="Observe"/> the latest stamp found in
/// that state before issuing new ones, in case its wall clock is now behind.</remarks>
public sealed class HybridLogicalClock
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private HybridTimestamp _last;

    /// <summary>Creates a clock.</summary>
    /// <param name="replica">The id stamped into every stamp, e.g. the activation instance id.</param>
    /// <param name="time">The wall clock.</param>
    /// <exception cref="ArgumentException"><paramref name="replica"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="time"/> is null.</exception>
    public HybridLogicalClock(string replica, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(replica);
        ArgumentNullException.ThrowIfNull(time);
        Replica = replica;
        _time = time;
        _last = new HybridTimestamp(0, 0, replica);
    }

    /// <summary>The replica id this clock stamps.</summary>
    public string Replica { get; }

    /// <summary>The last stamp issued (before the first, the epoch with counter 0).</summary>
    public HybridTimestamp Last
    {
        get { lock (_gate) return _last; }
    }

    /// <summary>Issues a stamp for a local event, later than every stamp this clock issued or observed.</summary>
    public HybridTimestamp Now()
    {
        lock (_gate)
        {
            var physical = PhysicalNow();
            _last = physical > _last.WallMs
                ? new HybridTimestamp(physical, 0, Replica)
                : Stamp(_last.WallMs, _last.Counter + 1L);
            return _last;
        }
    }

    /// <summary>Moves the clock past a stamp received from another replica and issues the stamp of the receive
    /// event, later than both <paramref name="remote"/> and every stamp this clock issued before.</summary>
    /// <exception cref="ArgumentException"><paramref name="remote"/> is the default value (it has no replica).</exception>
    public HybridTimestamp Observe(HybridTimestamp remote)
    {
        Guard.Stamp(remote, nameof(remote));
        lock (_gate)
        {
            var physical = PhysicalNow();
            var wall = Math.Max(physical, Math.Max(_last.WallMs, remote.WallMs));
            long counter;
            if (wall == _last.WallMs && wall == remote.WallMs) counter = Math.Max(_last.Counter, remote.Counter) + 1L;
            else if (wall == _last.WallMs) counter = _last.Counter + 1L;
            else if (wall == remote.WallMs) counter = remote.Counter + 1L;
            else counter = 0;
            _last = Stamp(wall, counter);
            return _last;
        }
    }

    // Should the counter ever run out (2^31 events without the wall clock moving), borrow the next millisecond:
    // the stamp still sorts after everything before it.
    private HybridTimestamp Stamp(long wall, long counter) =>
        counter <= int.MaxValue
            ? new HybridTimestamp(wall, (int)counter, Replica)
            : new HybridTimestamp(checked(wall + 1), 0, Replica);

    private long PhysicalNow() => Math.Max(0, _time.GetUtcNow().ToUnixTimeMilliseconds());
}
