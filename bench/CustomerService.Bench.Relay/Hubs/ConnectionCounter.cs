namespace CustomerService.Bench.Relay.Hubs;

/// <summary>Hub connections currently open, reported next to the memory figures.</summary>
public sealed class ConnectionCounter
{
    private long _open;

    public long Open => Interlocked.Read(ref _open);

    public void Connected() => Interlocked.Increment(ref _open);

    public void Disconnected() => Interlocked.Decrement(ref _open);
}
