using CustomerService.Runtime.Utilities;

namespace CustomerService.Runtime.Tests.Grains;

public sealed class ChatLine
{
    public string Text { get; set; } = "";
}

public interface IChatObserver : IGrainObserver
{
    Task Receive(ChatLine line);
}

public interface IRoomGrain : IGrainWithStringKey
{
    Task Subscribe(IChatObserver observer);

    Task<int> Publish(ChatLine line);

    Task<int> Subscribers();
}

public sealed class RoomGrain : Grain, IRoomGrain
{
    private readonly ObserverManager<IChatObserver> observers;
    private readonly List<ChatLine> published = [];

    public RoomGrain(TimeProvider time) => observers = new ObserverManager<IChatObserver>(TimeSpan.FromMinutes(5), time);

    public Task Subscribe(IChatObserver observer)
    {
        observers.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task<int> Publish(ChatLine line)
    {
        published.Add(line);
        return observers.NotifyAsync(o => o.Receive(line));
    }

    public Task<int> Subscribers() => Task.FromResult(observers.Observers.Count);
}

/// <summary>A client-side observer object (as a front-end would hold one).</summary>
public sealed class ChatListener : IChatObserver
{
    public List<ChatLine> Received { get; } = [];

    public TaskCompletionSource FirstReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Receive(ChatLine line)
    {
        Received.Add(line);
        FirstReceived.TrySetResult();
        return Task.CompletedTask;
    }
}
