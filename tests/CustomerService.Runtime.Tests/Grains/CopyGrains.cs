namespace CustomerService.Runtime.Tests.Grains;

public sealed class Basket
{
    public List<string> Items { get; set; } = [];
}

[Immutable]
public sealed class FrozenNote(string text)
{
    public string Text { get; } = text;
}

public sealed record Receipt(string Id, int Total);

public interface ICopyGrain : IGrainWithStringKey
{
    Task<int> AddAndCount(Basket basket);

    Task<Basket> GetKept();

    Task<FrozenNote> Echo(FrozenNote note);

    Task<Basket> EchoBasket(Basket basket);

    Task<Receipt> EchoReceipt(Receipt receipt);
}

public sealed class CopyGrain : Grain, ICopyGrain
{
    private readonly Basket kept = new() { Items = ["kept"] };

    public Task<int> AddAndCount(Basket basket)
    {
        basket.Items.Add("added by grain");
        return Task.FromResult(basket.Items.Count);
    }

    public Task<Basket> GetKept() => Task.FromResult(kept);

    public Task<FrozenNote> Echo(FrozenNote note) => Task.FromResult(note);

    public Task<Basket> EchoBasket(Basket basket) => Task.FromResult(basket);

    public Task<Receipt> EchoReceipt(Receipt receipt) => Task.FromResult(receipt);
}
