using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Transport;

/// <summary>Sends a response back on the connection its request came from. If that connection is gone the caller has
/// already been told (its side failed the call), so the response is dropped.</summary>
internal sealed class RemoteResponseSink(FramedConnection connection, long id) : IResponseSink
{
    public bool CopiesResponse => false;

    public void Complete(Response response)
    {
        try
        {
            connection.SendResponse(id, response);
        }
        catch (SiloUnavailableException)
        {
            // The caller's connection closed; it failed the call on its side.
        }
    }
}
