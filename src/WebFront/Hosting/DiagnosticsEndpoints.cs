namespace CustomerService.WebFront.Hosting;

/// <summary><c>/healthz</c> and <c>/metrics/memory</c> (<c>{workingSet, gcHeap}</c> in bytes and the process's CPU
/// time so far, <c>processorTimeMs</c>, read by the load generator; with <c>?collect=true</c> after a full blocking GC,
/// so that <c>gcHeap</c> counts live objects only and memory per connection can be measured). <c>gc</c> and
/// <c>process</c> break the working set down (<see cref="MemoryBreakdown"/>).</summary>
public static class DiagnosticsEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapWebFrontDiagnostics(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz");
        app.MapGet("/metrics/memory", (bool? collect) =>
        {
            if (collect == true)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return Results.Ok(new MemoryFigures(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false),
                (long)process.TotalProcessorTime.TotalMilliseconds, MemoryBreakdown.Gc(), MemoryBreakdown.Process(process)));
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>Memory in bytes; CPU time (user and kernel, all threads) since the process started.</summary>
    public sealed record MemoryFigures(long WorkingSet, long GcHeap, long ProcessorTimeMs, GcFigures Gc, ProcessFigures Process);
}
