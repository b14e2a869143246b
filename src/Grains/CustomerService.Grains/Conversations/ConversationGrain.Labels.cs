using System.Text.RegularExpressions;
using CustomerService.Grains.Crdt;

namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    private const int MaxLabels = 20;
    private const int MaxCommentLength = 1000;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,50}$")]
    private static partial Regex LabelPattern();

    /// <inheritdoc />
    public Task<ConversationView> AddLabel(Participant participant, string label) => ChangeLabelAsync(participant, label, true);

    /// <inheritdoc />
    public Task<ConversationView> RemoveLabel(Participant participant, string label) => ChangeLabelAsync(participant, label, false);

    /// <summary>Labels are stored lower-case, so <c>VIP</c> and <c>vip</c> are one label.</summary>
    private async Task<ConversationView> ChangeLabelAsync(Participant participant, string label, bool present)
    {
        Authorize(participant);
        if (participant.Kind != AuthorKind.Agent) throw new ChatException(ChatErrorCodes.Forbidden, "Only agents label conversations.");
        if (label is null || !LabelPattern().IsMatch(label))
            throw new ChatException(ChatErrorCodes.InvalidArgument, "A label is 1 to 50 letters, digits, '-' or '_'.");
        var key = label.ToLowerInvariant();
        var isPresent = S.Labels.TryGetValue(key, out var current) && current.Value;
        if (isPresent == present) return ViewFor(participant);
        if (present && S.Labels.Count(l => l.Value.Value) >= MaxLabels)
            throw new ChatException(ChatErrorCodes.TooLarge, $"A conversation has at most {MaxLabels} labels.");
        S.Labels = S.Labels.SetItem(key, current is null ? new LwwRegister<bool>(present, clock.Now()) : current.Set(present, clock.Now()));
        JoinIfAgent(participant);
        await WriteStateAsync();
        PublishUpdated();
        return ViewFor(participant);
    }

    /// <inheritdoc />
    public async Task Rate(Participant visitor, int score, string? comment)
    {
        Authorize(visitor);
        if (visitor.Kind != AuthorKind.Visitor) throw new ChatException(ChatErrorCodes.Forbidden, "Only the visitor rates a conversation.");
        if (!IsClosed) throw new ChatException(ChatErrorCodes.InvalidArgument, "Only a resolved conversation can be rated.");
        if (score is < 1 or > 5) throw new ChatException(ChatErrorCodes.InvalidArgument, $"The score is {score}; it must be 1 to 5.");
        if (comment is { Length: > MaxCommentLength })
            throw new ChatException(ChatErrorCodes.TooLarge, $"The comment is longer than {MaxCommentLength} characters.");
        var rating = new StoredRating(score, string.IsNullOrWhiteSpace(comment) ? null : comment);
        if (S.Rating?.Value == rating) return;
        S.Rating = S.Rating is null ? new LwwRegister<StoredRating>(rating, clock.Now()) : S.Rating.Set(rating, clock.Now());
        await WriteStateAsync();
        PublishUpdated();
    }

    /// <summary>Queues the conversation's summary for the tenant's list (written in batches, off this path).</summary>
    private void UpdateIndex()
    {
        if (S.Visitor is null) return;
        index.Upsert(ViewFor(null), time.GetUtcNow());
    }
}
