using CustomerService.Grains.Crdt;
using CustomerService.Grains.Messages;
using CustomerService.Runtime;
using CustomerService.Runtime.Utilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Conversations;

/// <summary>The conversation grain (see <see cref="IConversationGrain"/>). Messages live in the
/// <see cref="IMessageStore"/>; the grain state holds who takes part, the status, the last seq and the read-state
/// CRDT, so that a second activation (during a membership change) can neither take a seq already taken (the store
/// refuses it) nor lose a read mark or a count (state writes that meet another writer merge).</summary>
[Alias("conversation")]
public sealed partial class ConversationGrain : Grain, IConversationGrain
{
    private const int MaxWriteAttempts = 5;

    private readonly IPersistentState<ConversationState> state;
    private readonly IMessageStore store;
    private readonly IConversationIndex index;
    private readonly TimeProvider time;
    private readonly ConversationOptions options;
    private readonly ILogger logger;
    private readonly HybridLogicalClock clock;
    private readonly ObserverManager<IConversationObserver> visitorObservers;
    private readonly ObserverManager<IConversationObserver> agentObservers;

    // Who each observer was subscribed for, so an agent who only watches (has not acted yet) still gets its unread
    // count pushed. Memory only: front-ends renew subscriptions, and a new activation learns them again.
    private readonly Dictionary<IConversationObserver, Participant> watchers = [];

    // Stamps of this activation's register writes (read marks, status, labels) name it, so two activations' writes
    // at the same instant still order one way; a fresh id per activation keeps that true across reactivations too.
    private readonly string replica = Guid.NewGuid().ToString("N");
    private string conversationId = "";

    /// <summary>Created by the runtime.</summary>
    public ConversationGrain(
        [PersistentState("conversation")] IPersistentState<ConversationState> state,
        IMessageStore store,
        IConversationIndex index,
        IOptions<ConversationOptions> options,
        TimeProvider time,
        ILogger<ConversationGrain> logger)
    {
        this.state = state;
        this.store = store;
        this.index = index;
        this.time = time;
        this.options = options.Value;
        this.logger = logger;
        clock = new HybridLogicalClock(replica, time);
        visitorObservers = new ObserverManager<IConversationObserver>(this.options.SubscriptionExpiry, time, logger);
        agentObservers = new ObserverManager<IConversationObserver>(this.options.SubscriptionExpiry, time, logger);
    }

    private ConversationState S => state.State;

    private bool IsClosed => CurrentStatus.Status == ConversationStatus.Resolved;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        conversationId = this.GetPrimaryKeyString();
        var slash = conversationId.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == conversationId.Length - 1 || conversationId.Length > 200)
            throw new ChatException(ChatErrorCodes.InvalidArgument, $"The conversation key '{conversationId}' is not '{{tenant}}/{{id}}' (at most 200 characters).");
        AdoptLogSlot();
        await FoldStoredTailAsync();
        ObserveStoredStamps();
        ArmTimers();
    }

    /// <summary>Writes the messages folded since the last write, so the next activation need not read them back.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (unwrittenMessages > 0) await WriteStateAsync();
    }

    // The wall clock of this silo may be behind the one that wrote the state; stamps issued now must still sort
    // after the stored ones, or a new read mark would lose to an older one.
    private void ObserveStoredStamps()
    {
        if (S.Status is { } status) clock.Observe(status.Stamp);
        foreach (var mark in S.Reads.ReadMarks.Values) clock.Observe(mark.Stamp);
        if (S.Routing is { } routing) clock.Observe(routing.Stamp);
        if (S.Rating is { } rating) clock.Observe(rating.Stamp);
        foreach (var label in S.Labels.Values) clock.Observe(label.Stamp);
    }

    /// <summary>Writes the state; when another activation wrote in between, re-reads, merges (never overwrites) and
    /// writes again.</summary>
    private async Task WriteStateAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await state.WriteStateAsync();
                unwrittenMessages = 0;
                return;
            }
            catch (InconsistentStateException) when (attempt < MaxWriteAttempts)
            {
                ConversationGrainLog.StateMerged(logger, conversationId, attempt);
                await ReloadAndMergeAsync();
            }
        }
    }

    private async Task ReloadAndMergeAsync()
    {
        var mine = S;
        await state.ReadStateAsync();
        AdoptLogSlot();
        state.State = ConversationState.Merge(mine, S);
        ObserveStoredStamps();
    }

    /// <summary>Another activation appended meanwhile (a client saw a seq this one has not, or the store refused the
    /// seq this one proposed): take in its state and fold in the messages it stored.</summary>
    private async Task CatchUpAsync()
    {
        await ReloadAndMergeAsync();
        await FoldStoredTailAsync();
    }

    private void WriteStatus(ConversationStatus status, DateTimeOffset? at = null)
    {
        var value = new StatusValue(status, at).ToString();
        S.Status = S.Status is null ? new LwwRegister<string>(value, clock.Now()) : S.Status.Set(value, clock.Now());
    }

    private void JoinIfAgent(Participant participant)
    {
        if (participant.Kind == AuthorKind.Agent && !S.Agents.ContainsKey(participant.Id))
            S.Agents = S.Agents.SetItem(participant.Id, participant);
    }
}
