namespace CustomerService.Grains.Routing;

// How a call's decisions become durable and known. Every call changes the state in memory, collects what it has to
// tell conversations and agents in an outbox, then commits: one state write when something durable changed (none
// when nothing did, one for a whole drain of the queue), and only then the outbox is sent. So nobody hears of a
// decision a crash could undo: after a restart the router is at the state it last told anyone about, a queued
// conversation is still queued, and an assignment it made is still known to it (the agent grain's TryAssign, which
// wrote its side first, keeps the final say on capacity).
public sealed partial class RouterGrain
{
    // Versions are reserved a block at a time: handing one out within the stored ceiling needs no write.
    private const long VersionBlock = 1_000_000;

    private readonly List<Action> outbox = [];
    private long issued;
    private bool dirty;

    private void OnActivateCommit()
    {
        // Every version up to the stored ceiling may have been handed out. State written before the ceiling existed
        // stored the last version written, and handed out fewer than a block after it: skipping a block covers both.
        // A router without state starts at 1.
        issued = S.Version == 0 ? 0 : S.Version + VersionBlock;
    }

    /// <summary>The next decision version; reserves a new block (a durable change) when the stored one is used up.</summary>
    private long NextVersion()
    {
        issued++;
        if (issued > S.Version)
        {
            S.Version = issued + VersionBlock;
            dirty = true;
        }

        return issued;
    }

    /// <summary>Marks the state as changed in a way a restart must see.</summary>
    private void Changed() => dirty = true;

    /// <summary>A one-way message to send once the decisions before it are durable.</summary>
    private void Send(Action message) => outbox.Add(message);

    /// <summary>Writes the state if the call changed it, then sends the outbox in order. A failed write takes back
    /// the call's decisions (nobody heard of them): the state is read again from storage, or, if that fails too, the
    /// activation goes, so that its memory is never ahead of what it told.</summary>
    private async Task CommitAsync()
    {
        if (dirty)
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                outbox.Clear();
                dirty = false;
                await ForgetUnwrittenAsync();
                throw;
            }

            dirty = false;
        }

        var messages = outbox.ToArray();
        outbox.Clear();
        foreach (var message in messages)
        {
            try
            {
                message();
            }
            catch (Exception e)
            {
                // One-way and best effort: conversations ask again, agents report again.
                RouterGrainLog.SendFailed(logger, e, tenant);
            }
        }
    }

    private async Task ForgetUnwrittenAsync()
    {
        try
        {
            await state.ReadStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
        }
    }

    private async Task<RoutingOutcome> CommitAsync(RoutingOutcome outcome)
    {
        await CommitAsync();
        return outcome;
    }
}
