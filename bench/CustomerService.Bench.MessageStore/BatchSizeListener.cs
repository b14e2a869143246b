using System.Diagnostics.Metrics;
using CustomerService.Grains.Messages;

namespace CustomerService.Bench.MessageStore;

/// <summary>Averages the store's batch-size histogram while <see cref="Measuring"/> is set.</summary>
internal sealed class BatchSizeListener : IDisposable
{
    private readonly MeterListener listener = new();
    private long batches;
    private long appends;

    public BatchSizeListener()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MessageStoreMetrics.MeterName && instrument.Name.EndsWith(".batch_size", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            if (!Volatile.Read(ref Measuring)) return;
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref appends, size);
        });
        listener.Start();
    }

    public static bool Measuring;

    public double MeanBatchSize => batches == 0 ? double.NaN : (double)appends / batches;

    public void Dispose() => listener.Dispose();
}
