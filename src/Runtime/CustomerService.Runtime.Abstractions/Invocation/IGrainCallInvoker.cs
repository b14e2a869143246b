namespace CustomerService.Runtime.Invocation;

/// <summary>Sends requests made through grain references. Implemented by the silo and by the cluster client.</summary>
public interface IGrainCallInvoker
{
    /// <summary>Sends a request and waits for its response.</summary>
    Task<Response> InvokeAsync(GrainReference target, GrainRequest request);

    /// <summary>Sends a request without waiting for a response.</summary>
    void InvokeOneWay(GrainReference target, GrainRequest request);
}
