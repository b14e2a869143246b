using CustomerService.Grains.Routing;
using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    private IGrainTimer? snoozeTimer;

    /// <inheritdoc />
    public Task Close(Participant participant) => ChangeStatusAsync(participant, ConversationStatus.Resolved, null);

    /// <inheritdoc />
    public async Task Reopen(Participant participant)
    {
        AuthorizeStatusChange(participant);
        if (CurrentStatus.Status != ConversationStatus.Open) await ChangeStatusAsync(participant, ConversationStatus.Open, null);
    }

    /// <inheritdoc />
    public async Task<ConversationView> SetStatus(Participant participant, ConversationStatus status, DateTimeOffset? snoozedUntil)
    {
        AuthorizeStatusChange(participant);
        if (!Enum.IsDefined(status)) throw new ChatException(ChatErrorCodes.InvalidArgument, "The status is unknown.");
        if (status == ConversationStatus.Snoozed && snoozedUntil is null)
            throw new ChatException(ChatErrorCodes.InvalidArgument, "A snoozed conversation needs the time it opens again.");
        if (status != ConversationStatus.Snoozed && snoozedUntil is not null)
            throw new ChatException(ChatErrorCodes.InvalidArgument, "Only a snoozed conversation takes a time.");
        if (snoozedUntil is { } until && until <= time.GetUtcNow())
            throw new ChatException(ChatErrorCodes.InvalidArgument, "The snooze must end in the future.");
        await ChangeStatusAsync(participant, status, snoozedUntil);
        return ViewFor(participant);
    }

    private async Task ChangeStatusAsync(Participant participant, ConversationStatus status, DateTimeOffset? until)
    {
        AuthorizeStatusChange(participant);
        var current = CurrentStatus;
        if (current.Status == status && (status != ConversationStatus.Snoozed || current.At == until)) return;
        var reopening = current.Status == ConversationStatus.Resolved;
        WriteStatus(status, status == ConversationStatus.Resolved ? time.GetUtcNow() : until);
        if (status == ConversationStatus.Resolved && S.Routing is { } routing)
            S.Routing = routing with { State = RoutingState.None, Stamp = clock.Now() };
        JoinIfAgent(participant);
        await WriteStateAsync();
        ArmSnooze();
        ArmUnanswered();

        if (status == ConversationStatus.Resolved) await ReleaseAsync();
        PublishUpdated();
        // A reopened conversation needs an agent again; the one who reopened it is preferred.
        if (reopening) await EnterRoutingAsync(participant.Kind == AuthorKind.Agent ? participant.Id : null);
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await Router.Release(conversationId);
        }
        catch (Exception e) when (e is not ChatException)
        {
            // The router re-learns the agent's load from the agent's next presence report.
            ConversationGrainLog.RoutingFailed(logger, e, conversationId);
        }
    }

    /// <summary>Sets the snooze timer for a snoozed conversation (also after activation); it keeps the activation
    /// alive until the conversation opens again.</summary>
    private void ArmSnooze()
    {
        snoozeTimer?.Dispose();
        snoozeTimer = null;
        if (CurrentStatus is not { Status: ConversationStatus.Snoozed, At: { } until }) return;
        var due = until - time.GetUtcNow();
        StayActiveUntil(until);
        snoozeTimer = RegisterGrainTimer(_ => OnSnoozeDueAsync(), new GrainTimerCreationOptions
        {
            DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero,
            KeepAlive = true,
        });
    }

    private async Task OnSnoozeDueAsync()
    {
        if (CurrentStatus is not { Status: ConversationStatus.Snoozed, At: { } until }) return;
        if (until > time.GetUtcNow())
        {
            ArmSnooze();
            return;
        }

        WriteStatus(ConversationStatus.Open);
        await WriteStateAsync();
        PublishUpdated();
    }

    /// <summary>A timer due later than the idle collection age would die with the activation before it fires.</summary>
    private void StayActiveUntil(DateTimeOffset at)
    {
        if (stayActiveUntil is { } already && already >= at) return;
        stayActiveUntil = at;
        var wait = at - time.GetUtcNow() + TimeSpan.FromMinutes(1);
        if (wait > TimeSpan.Zero) DelayDeactivation(wait);
    }

    private DateTimeOffset? stayActiveUntil;

    private void ArmTimers()
    {
        ArmSnooze();
        ArmUnanswered();
    }

    private IRouterGrain Router => GrainFactory.GetGrain<IRouterGrain>(Tenant);
}
