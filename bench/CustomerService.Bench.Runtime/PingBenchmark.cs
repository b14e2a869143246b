namespace CustomerService.Bench.Runtime;

internal static class PingBenchmark
{
    public static Task RunAsync(string[] args) => throw new NotImplementedException("ping benchmark not written yet");
}
