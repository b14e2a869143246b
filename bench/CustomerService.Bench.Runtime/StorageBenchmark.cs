namespace CustomerService.Bench.Runtime;

internal static class StorageBenchmark
{
    public static Task RunAsync(string[] args) => throw new NotImplementedException("storage benchmark not written yet");
}
