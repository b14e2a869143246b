namespace CustomerService.Runtime.Tests.Grains;

/// <summary>A domain error with a code, as grains in this product throw them.</summary>
public sealed class CodedException(string message) : Exception(message)
{
    public string Code { get; init; } = "";
}

/// <summary>Like Npgsql's PostgresException: no constructor taking a message, and a public settable property.</summary>
public sealed class NoMessageConstructorException(int code) : Exception($"failed with {code}")
{
    public string? Detail { get; set; }
}

public interface IFailingGrain : IGrainWithStringKey
{
    Task ThrowAsync(string message);

    Task<int> ThrowSynchronously(string message);

    Task ThrowCoded(string code, string message);

    Task ThrowUnrecreatable(int code);

    Task Hang();

    Task<string> CallPartner(string partnerKey);

    Task<string> CallBack(string originKey);

    Task<string> Ping();
}

public sealed class FailingGrain(Probe probe) : Grain, IFailingGrain
{
    public async Task ThrowAsync(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task<int> ThrowSynchronously(string message) => throw new ArgumentException(message);

    public Task ThrowCoded(string code, string message) => throw new CodedException(message) { Code = code };

    public Task ThrowUnrecreatable(int code) => throw new NoMessageConstructorException(code) { Detail = "too many clients" };

    public Task Hang()
    {
        probe.Record("hanging");
        return probe.Gate("never");
    }

    public Task<string> CallPartner(string partnerKey) => GrainFactory.GetGrain<IFailingGrain>(partnerKey).CallBack(this.GetPrimaryKeyString());

    public Task<string> CallBack(string originKey) => GrainFactory.GetGrain<IFailingGrain>(originKey).Ping();

    public Task<string> Ping() => Task.FromResult("pong");
}
