using System.Text;

namespace CustomerService.Grains.Messages.Internal;

// Tenant-wide text search: the full-text index where it can answer, otherwise a bounded scan of recent messages.
internal sealed partial class AdoNetMessageStore
{
    private const int MaxSearchWords = 8;

    // Full-text indexes here cannot find words shorter than 3 characters (SQLite's trigrams) or parts of CJK runs
    // (PostgreSQL's 'simple' parser takes a run of CJK characters as one word); those queries scan instead.
    private const int MinFullTextWordLength = 3;

    public Task<IReadOnlyList<ChatMessage>> SearchAsync(string tenant, string query, int limit, bool includePrivate = false, CancellationToken cancellationToken = default)
    {
        MessageValidation.Tenant(tenant);
        MessageValidation.Limit(limit);
        if (string.IsNullOrWhiteSpace(query) || query.Length > MessageValidation.MaxQueryLength)
            throw new ArgumentException($"The query is empty or longer than {MessageValidation.MaxQueryLength} characters.", nameof(query));
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count > MaxSearchWords)
            throw new ArgumentException($"The query has {words.Count} words; at most {MaxSearchWords} are allowed.", nameof(query));

        var privacy = includePrivate ? "" : " AND NOT m.private";
        var useFullText = words.All(word => word.EnumerateRunes().Count() >= MinFullTextWordLength &&
                                            (dialect.FullTextFindsSubstrings || !HasCjk(word)));
        if (useFullText)
        {
            var (join, condition) = dialect.FullTextMatch();
            return AsReadOnly(FullTextQueryAsync(
                $"SELECT {MessageColumns.Select("m")} FROM {Table} m {join} WHERE m.tenant = @tenant AND {condition}{privacy} ORDER BY m.id DESC LIMIT @limit",
                cancellationToken, ("@tenant", tenant), ("@query", dialect.FullTextQuery(words)), ("@limit", limit)));
        }

        var sql = new StringBuilder(
            $"SELECT {MessageColumns.Select("m")} FROM (SELECT * FROM {Table} WHERE tenant = @tenant ORDER BY id DESC LIMIT @scan) m WHERE 1 = 1{privacy}");
        var parameters = new List<(string, object)> { ("@tenant", tenant), ("@scan", options.SearchScanLimit), ("@limit", limit) };
        for (var i = 0; i < words.Count; i++)
        {
            sql.Append($" AND m.text {dialect.LikeOperator} @w{i} ESCAPE '\\'");
            parameters.Add(($"@w{i}", "%" + EscapeLike(words[i]) + "%"));
        }

        sql.Append(" ORDER BY m.id DESC LIMIT @limit");
        return AsReadOnly(QueryAsync(sql.ToString(), cancellationToken, [.. parameters]));
    }

    // On SQLite the index lags the commits by up to one round of the indexer, so a search first asks it to catch up:
    // then it sees every message committed before it began, with the index's own matching (trigram, Unicode case
    // folding). Not a LIKE scan of the unindexed tail instead: LIKE folds ASCII case only, so "ÄRGER" would not match
    // "ärger" until indexed. The flush costs a search at most one round of indexing that was due anyway (one read when
    // nothing is pending); searches are rare next to appends.
    private async Task<List<ChatMessage>> FullTextQueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        if (fullTextIndexer is not null)
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            await fullTextIndexer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return await QueryAsync(sql, cancellationToken, parameters).ConfigureAwait(false);
    }

    private static string EscapeLike(string word) => word
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);

    private static bool HasCjk(string word) => word.EnumerateRunes().Any(rune => rune.Value is
        (>= 0x3040 and <= 0x30FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or
        (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x2FFFF));
}
