using System.Text.Json.Serialization;

namespace CustomerService.Runtime.Tests.Grains;

public sealed class CounterState
{
    public int Value { get; set; }

    public List<string> History { get; set; } = [];
}

[JsonSerializable(typeof(CounterState))]
public sealed partial class TestStateJsonContext : JsonSerializerContext;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount, bool write);

    Task<int> Get();

    Task<string?> GetEtag();

    Task Clear();

    Task Deactivate();
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<int> Add(int amount, bool write)
    {
        counter.State.Value += amount;
        counter.State.History.Add($"+{amount}");
        if (write) await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);

    public Task<string?> GetEtag() => Task.FromResult(counter.Etag);

    public Task Clear() => counter.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
