namespace CustomerService.Runtime.Tests.Grains;

public interface ILoopGrain : IGrainWithStringKey
{
    /// <summary>Calls its partner <paramref name="calls"/> times, one after the other.</summary>
    Task<int> CallPartner(string partner, int calls);
}

public sealed class LoopGrain : Grain, ILoopGrain
{
    public async Task<int> CallPartner(string partner, int calls)
    {
        var target = GrainFactory.GetGrain<IFailingGrain>(partner);
        var answered = 0;
        for (var i = 0; i < calls; i++)
        {
            if (await target.Ping() == "pong") answered++;
        }

        return answered;
    }
}
