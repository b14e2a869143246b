using System.Collections.Concurrent;
using CustomerService.Grains.Messages;

namespace CustomerService.Grains.Tests.Conversations;

/// <summary>A real message store whose next appends can be answered by a script instead, to play outcomes that are
/// hard to provoke: another activation that keeps winning, or a batch the store wrote twice.</summary>
internal sealed class ScriptedMessageStore(IMessageStore inner) : IMessageStore
{
    private readonly ConcurrentQueue<Func<NewMessage, Task<AppendResult>>> script = new();

    public IMessageStore Inner => inner;

    private int appends;

    /// <summary>How many appends were asked for, scripted or not.</summary>
    public int Appends => Volatile.Read(ref appends);

    public void Then(Func<NewMessage, Task<AppendResult>> answer) => script.Enqueue(answer);

    public Task<AppendResult> AppendAsync(NewMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref appends);
        return script.TryDequeue(out var answer) ? answer(message) : inner.AppendAsync(message, cancellationToken);
    }

    public Task<IReadOnlyList<ChatMessage>> GetHistoryAsync(string conversationId, long? beforeSeq, int limit, CancellationToken cancellationToken = default) =>
        inner.GetHistoryAsync(conversationId, beforeSeq, limit, cancellationToken);

    public Task<IReadOnlyList<ChatMessage>> GetAfterAsync(string conversationId, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        inner.GetAfterAsync(conversationId, afterSeq, limit, cancellationToken);

    public Task<long> GetMaxSeqAsync(string conversationId, CancellationToken cancellationToken = default) =>
        inner.GetMaxSeqAsync(conversationId, cancellationToken);

    public Task<IReadOnlyList<ChatMessage>> SearchAsync(string tenant, string query, int limit, bool includePrivate = false, CancellationToken cancellationToken = default) =>
        inner.SearchAsync(tenant, query, limit, includePrivate, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
