using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using CustomerService.Runtime.AdoNet.Dialects;

namespace CustomerService.Runtime.AdoNet.Storage;

// The statements' parameter binding and the payload's conversion between serializer bytes and JSON text.
public sealed partial class AdoNetGrainStorage
{
    private async Task<long?> InsertAsync(DbSession session, string stateName, GrainId grainId, string? payload, DateTimeOffset now)
    {
        var command = session.CreateCommand(sql.Insert);
        BindKey(command.Parameters, stateName, grainId);
        dialect.AddText(command.Parameters, payload);
        dialect.AddTimestamp(command.Parameters, now);
        return await ReturnedVersionAsync(command).ConfigureAwait(false);
    }

    private async Task<long?> UpdateAsync(DbSession session, string stateName, GrainId grainId, string? payload, DateTimeOffset now, long expected)
    {
        var command = session.CreateCommand(sql.Update);
        BindKey(command.Parameters, stateName, grainId);
        dialect.AddText(command.Parameters, payload);
        dialect.AddTimestamp(command.Parameters, now);
        dialect.AddInt64(command.Parameters, expected);
        return await ReturnedVersionAsync(command).ConfigureAwait(false);
    }

    private async Task<long?> ReadVersionAsync(DbSession session, string stateName, GrainId grainId)
    {
        var command = session.CreateCommand(sql.ReadVersion);
        BindKey(command.Parameters, stateName, grainId);
        return ToVersion(await command.ExecuteScalarAsync().ConfigureAwait(false));
    }

    private void BindKey(DbParameterCollection parameters, string stateName, GrainId grainId)
    {
        dialect.AddText(parameters, serviceId);
        dialect.AddText(parameters, grainId.Type);
        dialect.AddText(parameters, grainId.Key);
        dialect.AddText(parameters, stateName);
    }

    // No row (null) means the statement's condition did not hold.
    /// <summary>The version a write's <c>RETURNING</c> gave, or null when it wrote nothing. The statement is stepped to
    /// its end rather than read with <c>ExecuteScalar</c>: SQLite commits a <c>RETURNING</c> statement read only to its
    /// first row when it is reset instead, and runs its WAL hook (the automatic checkpoint) only when a step reaches the
    /// end, so with <c>ExecuteScalar</c> the write-ahead log was never checkpointed while the process ran and grew
    /// without bound (gigabytes under load, slowing every read).</summary>
    private static async Task<long?> ReturnedVersionAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        object? value = null;
        if (await reader.ReadAsync().ConfigureAwait(false)) value = reader.GetValue(0);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            // a conditional write of one key returns at most one row; reading on reaches the statement's end
        }

        return ToVersion(value);
    }

    private static long? ToVersion(object? scalar) => scalar switch
    {
        null or DBNull => null,
        long version => version,
        _ => Convert.ToInt64(scalar, CultureInfo.InvariantCulture),
    };

    private string Serialize<TState>(TState state) => Encoding.UTF8.GetString(serializer.SerializeToUtf8Bytes(state));

    private TState Deserialize<TState>(string json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(json));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return serializer.Deserialize<TState>(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
