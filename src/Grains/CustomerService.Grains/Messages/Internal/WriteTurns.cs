namespace CustomerService.Grains.Messages.Internal;

/// <summary>First come, first served turns at the database's write lock for the store's message writer and its
/// full-text indexer, taken around each of their transactions. SQLite makes a writer that finds the lock taken sleep
/// in its busy handler (1, 2, 5, 10 … ms between tries); here it waits for a pulse and starts the moment the other
/// commits. Strict order also stops the indexer, which goes on to its next transaction at once, from taking turn after
/// turn while the message writer waits: with both waiting they alternate, so a message batch waits for one indexer
/// transaction at most. Blocking: both callers run on threads of their own.</summary>
internal sealed class WriteTurns
{
    private readonly object sync = new();
    private long nextTicket;
    private long serving;

    public void Enter()
    {
        lock (sync)
        {
            var ticket = nextTicket++;
            while (ticket != serving) Monitor.Wait(sync);
        }
    }

    public void Exit()
    {
        lock (sync)
        {
            serving++;
            Monitor.PulseAll(sync);
        }
    }
}
