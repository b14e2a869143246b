using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Internal;

/// <summary>Where the response to a request goes: a caller in this process, or a connection back to a remote caller.</summary>
internal interface IResponseSink
{
    /// <summary>True when the response object reaches the caller as it is, so it must be copied first; false when it
    /// is serialized on the way (which copies it anyway).</summary>
    bool CopiesResponse { get; }

    void Complete(Response response);
}
