using CustomerService.Grains.Tenants;
using CustomerService.Runtime;

namespace CustomerService.Grains.Conversations;

// Unanswered reassignment: a visitor message its assignee has not answered within the tenant's
// Routing.UnansweredReassignAfterSeconds goes to another agent through the router. The clock starts at the later of
// the oldest unanswered visitor message and the assignment (the agent is not blamed for time spent in the queue).
public sealed partial class ConversationGrain
{
    private IGrainTimer? unansweredTimer;
    private DateTimeOffset? unansweredDeadline;
    private DateTimeOffset? lastReassignAt;

    private DateTimeOffset? UnansweredDeadline(TenantSettings? tenant)
    {
        if (Assignee is null || S.UnansweredSince is not { } since || IsClosed) return null;
        if (tenant is null) return time.GetUtcNow(); // not known yet: look at once
        var after = tenant.Routing.UnansweredReassignAfterSeconds;
        if (after <= 0) return null;
        var start = S.Routing?.AssignedAt is { } assigned && assigned > since ? assigned : since;
        if (lastReassignAt is { } tried && tried > start) start = tried;
        return start + TimeSpan.FromSeconds(after);
    }

    /// <summary>Sets (or clears) the timer for the current deadline; it keeps the activation alive meanwhile.</summary>
    private void ArmUnanswered()
    {
        var deadline = UnansweredDeadline(settings);
        if (deadline == unansweredDeadline && (deadline is null) == (unansweredTimer is null)) return;
        unansweredTimer?.Dispose();
        unansweredTimer = null;
        unansweredDeadline = deadline;
        if (deadline is not { } due) return;
        var wait = due - time.GetUtcNow();
        StayActiveUntil(due);
        unansweredTimer = RegisterGrainTimer(_ => OnUnansweredDueAsync(), new GrainTimerCreationOptions
        {
            DueTime = wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            KeepAlive = true,
        });
    }

    private async Task OnUnansweredDueAsync()
    {
        unansweredTimer?.Dispose();
        unansweredTimer = null;
        unansweredDeadline = null;
        var deadline = UnansweredDeadline(await SettingsAsync());
        if (deadline is null || deadline > time.GetUtcNow() || Assignee is not { } assignee)
        {
            ArmUnanswered();
            return;
        }

        lastReassignAt = time.GetUtcNow();
        try
        {
            ConversationGrainLog.Reassigning(logger, conversationId, assignee.Id);
            await ApplyOutcomeAsync(await Router.Reassign(Request(), assignee.Id));
        }
        catch (Exception e)
        {
            ConversationGrainLog.RoutingFailed(logger, e, conversationId);
        }

        ArmUnanswered();
    }
}
