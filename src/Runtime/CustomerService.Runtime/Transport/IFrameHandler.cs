using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Transport;

/// <summary>What a connection does with the frames it reads.</summary>
internal interface IFrameHandler
{
    /// <summary>The request a response frame answers, or null when nobody waits for it any more.</summary>
    GrainRequest? PendingRequest(long id);

    /// <summary>Handles one message; called on the connection's read loop, so it must not block.</summary>
    void OnMessage(FramedConnection connection, WireMessage message);
}
