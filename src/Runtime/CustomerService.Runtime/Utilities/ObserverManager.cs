using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Runtime.Utilities;

/// <summary>The set of observers a grain notifies. A subscription lasts <see cref="ExpirationDuration"/> unless renewed
/// by subscribing again, so a front-end that vanished without unsubscribing is dropped; an observer whose call fails
/// is dropped at once. Delivery is best effort, as in Orleans: callers that need exactness resume by sequence number.
/// Keep it in the grain (not in persistent state) and use it from grain turns only.</summary>
public sealed class ObserverManager<TObserver>(TimeSpan expirationDuration, TimeProvider time, ILogger? logger = null)
    where TObserver : IGrainObserver
{
    private readonly Dictionary<TObserver, long> subscriptions = [];
    private readonly ILogger logger = logger ?? NullLogger.Instance;

    /// <summary>How long a subscription lasts without renewal.</summary>
    public TimeSpan ExpirationDuration { get; } = expirationDuration > TimeSpan.Zero
        ? expirationDuration
        : throw new ArgumentOutOfRangeException(nameof(expirationDuration), "The expiration must be positive.");

    /// <summary>The number of subscriptions, expired or not.</summary>
    public int Count => subscriptions.Count;

    /// <summary>The current observers (expired ones excluded).</summary>
    public IReadOnlyList<TObserver> Observers
    {
        get
        {
            ClearExpired();
            return [.. subscriptions.Keys];
        }
    }

    /// <summary>Adds the observer, or renews its subscription.</summary>
    public void Subscribe(TObserver observer) => subscriptions[observer] = time.GetTimestamp();

    /// <summary>Removes the observer.</summary>
    public bool Unsubscribe(TObserver observer) => subscriptions.Remove(observer);

    /// <summary>Removes subscriptions that were not renewed in time.</summary>
    public int ClearExpired()
    {
        var now = time.GetTimestamp();
        var expired = subscriptions.Where(s => time.GetElapsedTime(s.Value, now) >= ExpirationDuration).Select(s => s.Key).ToList();
        foreach (var observer in expired) subscriptions.Remove(observer);
        return expired.Count;
    }

    /// <summary>Calls every live observer (in parallel) and drops those whose call fails.</summary>
    /// <returns>How many observers were notified successfully.</returns>
    public async Task<int> NotifyAsync(Func<TObserver, Task> notification)
    {
        var observers = Observers;
        var calls = observers.Select(async observer =>
        {
            try
            {
                await notification(observer);
                return true;
            }
            catch (Exception exception)
            {
                ObserverManagerLog.ObserverDropped(logger, exception, observer.ToString() ?? "observer");
                return false;
            }
        }).ToList();
        var results = await Task.WhenAll(calls);
        var delivered = 0;
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i]) delivered++;
            else subscriptions.Remove(observers[i]);
        }

        return delivered;
    }

    /// <summary>Sends a one-way notification to every live observer without waiting.</summary>
    public void Notify(Action<TObserver> notification)
    {
        foreach (var observer in Observers)
        {
            try
            {
                notification(observer);
            }
            catch (Exception exception)
            {
                ObserverManagerLog.ObserverDropped(logger, exception, observer.ToString() ?? "observer");
                subscriptions.Remove(observer);
            }
        }
    }
}

internal static partial class ObserverManagerLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "Observer {Observer} failed and was unsubscribed.")]
    public static partial void ObserverDropped(ILogger logger, Exception exception, string observer);
}
