using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime;

/// <summary>What a call filter sees of a call.</summary>
public interface IGrainCallContext
{
    /// <summary>The grain being called.</summary>
    GrainId TargetId { get; }

    /// <summary>The request: interface, method and arguments.</summary>
    GrainRequest Request { get; }

    /// <summary>The interface alias.</summary>
    string InterfaceName => Request.InterfaceName;

    /// <summary>The method name.</summary>
    string MethodName => Request.MethodName;

    /// <summary>The result, after <see cref="Invoke"/>; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the call itself.</summary>
    Task Invoke();
}

/// <summary>A call arriving at a grain.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    /// <summary>The grain instance being called.</summary>
    object Grain { get; }
}

/// <summary>A call leaving a grain or a client.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext
{
    /// <summary>The calling grain, or null when the caller is not a grain.</summary>
    GrainId? SourceId { get; }
}

/// <summary>Runs around every call a silo delivers to a grain. A grain class can implement it to filter its own calls.
/// Throwing rejects the call: the caller receives the exception and the grain method does not run.</summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Inspects the call; calls <see cref="IGrainCallContext.Invoke"/> to let it through.</summary>
    Task Invoke(IIncomingGrainCallContext context);
}

/// <summary>Runs around every call sent through a grain reference of this process.</summary>
public interface IOutgoingGrainCallFilter
{
    /// <summary>Inspects the call; calls <see cref="IGrainCallContext.Invoke"/> to let it through.</summary>
    Task Invoke(IOutgoingGrainCallContext context);
}
