using System.Data.Common;
using System.Globalization;

namespace CustomerService.Grains.Messages.Internal;

// History, resume and max seq: reads of one conversation through the (conversation_id, seq) unique index.
internal sealed partial class AdoNetMessageStore
{
    public async Task<IReadOnlyList<ChatMessage>> GetHistoryAsync(string conversationId, long? beforeSeq, int limit, CancellationToken cancellationToken = default)
    {
        MessageValidation.TenantOf(conversationId);
        MessageValidation.Limit(limit);
        if (beforeSeq < 1) throw new ArgumentException($"beforeSeq is {beforeSeq}; it must be 1 or more, or null for the newest page.", nameof(beforeSeq));
        var page = await QueryAsync(
            $"SELECT {MessageColumns.Select("m")} FROM {Table} m WHERE m.conversation_id = @conversation AND m.seq < @before ORDER BY m.seq DESC LIMIT @limit",
            cancellationToken, ("@conversation", conversationId), ("@before", beforeSeq ?? long.MaxValue), ("@limit", limit)).ConfigureAwait(false);
        page.Reverse();
        return page;
    }

    public Task<IReadOnlyList<ChatMessage>> GetAfterAsync(string conversationId, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        MessageValidation.TenantOf(conversationId);
        MessageValidation.Limit(limit);
        if (afterSeq < 0) throw new ArgumentException($"afterSeq is {afterSeq}; it must be 0 (from the start) or more.", nameof(afterSeq));
        return AsReadOnly(QueryAsync(
            $"SELECT {MessageColumns.Select("m")} FROM {Table} m WHERE m.conversation_id = @conversation AND m.seq > @after ORDER BY m.seq LIMIT @limit",
            cancellationToken, ("@conversation", conversationId), ("@after", afterSeq), ("@limit", limit)));
    }

    public async Task<long> GetMaxSeqAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        MessageValidation.TenantOf(conversationId);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dialect.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            $"SELECT COALESCE(MAX(seq), 0) FROM {Table} WHERE conversation_id = @conversation", ("@conversation", conversationId));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<ChatMessage>> AsReadOnly(Task<List<ChatMessage>> query) => await query.ConfigureAwait(false);

    private async Task<List<ChatMessage>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dialect.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<ChatMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) messages.Add(MessageColumns.Read(reader));
        return messages;
    }
}
