namespace CustomerService.Runtime.Transport;

/// <summary>Holds back the writing of frames sent on this thread until the batch ends, so that what one piece of work
/// sends (a grain's turn notifying several observers and answering its caller) leaves in one system call per
/// connection instead of one per frame. <see cref="Internal.ActivationTaskScheduler"/> opens a batch around each piece
/// of grain work; frames sent outside a batch are written at once by their sender.</summary>
/// <remarks>A grain that blocks its thread waiting for a call it made (which turn-based grains must never do) would
/// hold that call's frame back until the response timeout.</remarks>
internal static class FrameBatch
{
    [ThreadStatic] private static int depth;
    [ThreadStatic] private static List<FramedConnection>? held;

    /// <summary>True when frames sent on this thread wait for the end of the batch.</summary>
    public static bool IsOpen => depth > 0;

    /// <summary>Opens a batch (batches nest; the outermost one writes).</summary>
    public static Scope Begin()
    {
        depth++;
        return new Scope();
    }

    /// <summary>Remembers a connection that has frames held back; called once per connection and batch.</summary>
    public static void Hold(FramedConnection connection) => (held ??= []).Add(connection);

    private static void End()
    {
        if (--depth > 0 || held is not { Count: > 0 } connections) return;
        // Writing sends no frame, so nothing is added to the list while it is walked.
        foreach (var connection in connections) connection.WriteHeld();
        connections.Clear();
    }

    /// <summary>Ends the batch when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        public void Dispose() => End();
    }
}
