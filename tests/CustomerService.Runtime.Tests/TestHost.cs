using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Testing;
using CustomerService.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Tests;

/// <summary>A started one-silo cluster with the probe the test grains report to.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(TestCluster cluster, Probe probe)
    {
        Cluster = cluster;
        Probe = probe;
    }

    public TestCluster Cluster { get; }

    public Probe Probe { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public static async Task<TestHost> StartAsync(Action<TestClusterBuilder>? configure = null, Action<ISiloBuilder>? silo = null)
    {
        var probe = new Probe();
        var builder = new TestClusterBuilder().ConfigureSilo(s =>
        {
            s.Services.AddSingleton(probe);
            s.Services.AddGrainJsonContext(TestStateJsonContext.Default);
            silo?.Invoke(s);
        });
        configure?.Invoke(builder);
        return new TestHost(await builder.BuildAndStartAsync().Within(), probe);
    }

    /// <summary>A frame codec using this silo's serializer, as its transport would.</summary>
    public Transport.MessageCodec Codec() => new(
        Cluster.ServiceProvider.GetRequiredService<Serialization.IGrainSerializer>(),
        Cluster.ServiceProvider.GetRequiredService<Serialization.ExceptionCodec>());

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}

internal static class TaskTimeouts
{
    /// <summary>Every await in a test has a limit, so a bug fails the test instead of hanging the run.</summary>
    public static Task<T> Within<T>(this Task<T> task, int seconds = 10) => task.WaitAsync(TimeSpan.FromSeconds(seconds));

    public static Task Within(this Task task, int seconds = 10) => task.WaitAsync(TimeSpan.FromSeconds(seconds));

    /// <summary>Retries a call that fails with a retryable cluster error (a silo gone or a view catching up) until it
    /// succeeds or <paramref name="seconds"/> have passed; any other error fails at once.</summary>
    public static async Task<T> RetryWhileUnavailable<T>(Func<Task<T>> call, int seconds = 10)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call().Within();
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException && clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>True if the task completes within a short window: used only to show that something does NOT happen.</summary>
    public static async Task<bool> CompletesWithin(this Task task, int milliseconds = 200)
        => await Task.WhenAny(task, Task.Delay(milliseconds)) == task;
}
