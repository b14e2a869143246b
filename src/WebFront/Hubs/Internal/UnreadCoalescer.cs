namespace CustomerService.WebFront.Hubs.Internal;

/// <summary>Sends a feed's unread counts at most once per <c>WebFront:Feeds:UnreadInterval</c> for each
/// conversation: a change after a quiet interval goes out at once; the changes that follow it within the interval
/// go out together at its end, each conversation with its newest count only. A badge needs the newest count, not
/// every step in between, and a busy conversation would otherwise cost its agent one more event per message.</summary>
internal sealed class UnreadCoalescer<T>(TimeSpan interval, TimeProvider time, Func<T, Task> send) : IDisposable
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, T> pending = new(StringComparer.Ordinal);
    private ITimer? timer;
    private bool windowOpen;
    private bool disposed;

    /// <summary>The newest count of <paramref name="conversationId"/>.</summary>
    public Task Post(string conversationId, T unread)
    {
        if (interval <= TimeSpan.Zero) return send(unread);
        lock (sync)
        {
            if (disposed) return Task.CompletedTask; // the feed's connections are gone
            if (windowOpen)
            {
                pending[conversationId] = unread;
                return Task.CompletedTask;
            }

            windowOpen = true;
            timer ??= time.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            timer.Change(interval, Timeout.InfiniteTimeSpan);
        }

        return send(unread);
    }

    private void Flush()
    {
        T[] due;
        lock (sync)
        {
            if (disposed) return;
            if (pending.Count == 0)
            {
                windowOpen = false;
                return;
            }

            due = [.. pending.Values];
            pending.Clear();
            // What comes in while these go out waits for the next interval's end.
            timer!.Change(interval, Timeout.InfiniteTimeSpan);
        }

        foreach (var unread in due) _ = SendQuietlyAsync(unread);
    }

    private async Task SendQuietlyAsync(T unread)
    {
        try
        {
            await send(unread);
        }
        catch (Exception)
        {
            // Best effort, as every push: the console and the widget read their counts again when they reconnect.
        }
    }

    /// <summary>Stops the timer; counts not yet sent are dropped with the feed.</summary>
    public void Dispose()
    {
        lock (sync)
        {
            disposed = true;
            pending.Clear();
        }

        timer?.Dispose();
    }
}
