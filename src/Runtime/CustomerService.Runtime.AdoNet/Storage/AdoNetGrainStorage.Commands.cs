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
        BindKey(command, stateName, grainId);
        dialect.AddText(command, payload);
        dialect.AddTimestamp(command, now);
        return ToVersion(await command.ExecuteScalarAsync().ConfigureAwait(false));
    }

    private async Task<long?> UpdateAsync(DbSession session, string stateName, GrainId grainId, string? payload, DateTimeOffset now, long expected)
    {
        var command = session.CreateCommand(sql.Update);
        BindKey(command, stateName, grainId);
        dialect.AddText(command, payload);
        dialect.AddTimestamp(command, now);
        dialect.AddInt64(command, expected);
        return ToVersion(await command.ExecuteScalarAsync().ConfigureAwait(false));
    }

    private async Task<long?> ReadVersionAsync(DbSession session, string stateName, GrainId grainId)
    {
        var command = session.CreateCommand(sql.ReadVersion);
        BindKey(command, stateName, grainId);
        return ToVersion(await command.ExecuteScalarAsync().ConfigureAwait(false));
    }

    private void BindKey(DbCommand command, string stateName, GrainId grainId)
    {
        dialect.AddText(command, serviceId);
        dialect.AddText(command, grainId.Type);
        dialect.AddText(command, grainId.Key);
        dialect.AddText(command, stateName);
    }

    // No row (null) means the statement's condition did not hold.
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
