using System.Diagnostics.Metrics;

namespace CustomerService.Grains.Messages;

/// <summary>The message store's instruments (meter <c>CustomerService.MessageStore</c>): how many appends each commit
/// carried and how long commits took, which shows whether group commit is working.</summary>
public static class MessageStoreMetrics
{
    /// <summary>The meter name to listen to or export.</summary>
    public const string MeterName = "CustomerService.MessageStore";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "customerservice.messagestore.batch_size", "{append}", "Appends written by one transaction.");

    internal static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "customerservice.messagestore.commit_duration", "ms", "Time to write and commit one batch.");

    internal static readonly Counter<long> Appends = Meter.CreateCounter<long>(
        "customerservice.messagestore.appends", "{append}", "Appends by outcome (stored, duplicate, seq_conflict, failed).");
}
