using System.ComponentModel;

namespace CustomerService.Runtime.Invocation;

/// <summary>Base class of the generated proxies that implement grain and observer interfaces. A reference is just an
/// identity and a way to send: it is cheap to create, safe to share, and serialized as its identity.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public abstract class GrainReference(GrainId grainId, IGrainCallInvoker invoker) : IAddressable, IEquatable<GrainReference>
{
    /// <summary>The grain this reference calls.</summary>
    public GrainId GrainId { get; } = grainId;

    /// <summary>The interface this proxy implements.</summary>
    public abstract Type InterfaceType { get; }

    /// <summary>Sends calls made through this reference.</summary>
    protected IGrainCallInvoker Invoker { get; } = invoker;

    /// <summary>Sends a request to a method returning a value.</summary>
    protected async Task<T> InvokeAsync<T>(GrainRequest<T> request)
    {
        var response = await Invoker.InvokeAsync(this, request).ConfigureAwait(true);
        return response.GetResult<T>();
    }

    /// <summary>Sends a request to a method returning no value.</summary>
    protected async Task InvokeAsync(VoidGrainRequest request)
    {
        var response = await Invoker.InvokeAsync(this, request).ConfigureAwait(true);
        response.ThrowIfFailed();
    }

    /// <summary>Sends a request to a one-way method.</summary>
    protected Task InvokeOneWay(GrainRequest request)
    {
        Invoker.InvokeOneWay(this, request);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public bool Equals(GrainReference? other) => other is not null && GrainId.Equals(other.GrainId);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => GrainId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceType.Name}:{GrainId}";
}
