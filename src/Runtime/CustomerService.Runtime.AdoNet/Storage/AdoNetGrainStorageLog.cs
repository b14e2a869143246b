using Microsoft.Extensions.Logging;

namespace CustomerService.Runtime.AdoNet.Storage;

/// <summary>Log messages of <see cref="AdoNetGrainStorage"/>. Event ids 600–619. State payloads are never logged.</summary>
internal static partial class AdoNetGrainStorageLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Grain storage '{Name}' starting: {Engine}, table {Table}, service id '{ServiceId}'.")]
    public static partial void Starting(this ILogger logger, string name, string engine, string table, string serviceId);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Grain storage '{Name}' schema ready: table {Table} created or already present ({ElapsedMs} ms).")]
    public static partial void SchemaReady(this ILogger logger, string name, string table, long elapsedMs);

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "Grain storage '{Name}' could not create or check table {Table}; it tries again on the next use.")]
    public static partial void SchemaFailed(this ILogger logger, Exception exception, string name, string table);

    [LoggerMessage(EventId = 603, Level = LogLevel.Information, Message = "Grain storage '{Name}': {Operation} of state '{StateName}' of grain {GrainId} conflicted (stored version {Stored}, expected {Expected}); nothing was changed.")]
    public static partial void Conflict(this ILogger logger, string name, string operation, string stateName, GrainId grainId, string? stored, string? expected);

    [LoggerMessage(EventId = 604, Level = LogLevel.Warning, Message = "Grain storage '{Name}': a transaction of {Count} state writes failed (while committing: {Committing}); each of its writes fails with this error.")]
    public static partial void CommitFailed(this ILogger logger, Exception exception, string name, int count, bool committing);
}
