using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.Internal;

internal static partial class CatalogLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Activation of grain {GrainId} failed; the calls waiting for it fail with the same error.")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "OnDeactivateAsync of grain {GrainId} failed; deactivation goes on.")]
    public static partial void DeactivationCallbackFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Grain {GrainId} wrote changed state while deactivating.")]
    public static partial void StateWrittenOnDeactivation(ILogger logger, GrainId grainId);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Grain {GrainId} could not write its state while deactivating; changes since its last write are lost.")]
    public static partial void StateWriteOnDeactivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Grain {GrainId} deactivated ({Reason}).")]
    public static partial void Deactivated(ILogger logger, GrainId grainId, DeactivationReasonCode reason);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "A timer callback of grain {GrainId} failed; the timer keeps running.")]
    public static partial void TimerFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Deactivating {Count} activations before the silo stops.")]
    public static partial void DeactivatingAll(ILogger logger, int count);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "{Count} activations did not finish deactivating within {Timeout}; the silo stops without them.")]
    public static partial void DeactivationTimedOut(ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(EventId = 108, Level = LogLevel.Debug, Message = "Collected {Count} idle activations.")]
    public static partial void CollectedIdle(ILogger logger, int count);
}
