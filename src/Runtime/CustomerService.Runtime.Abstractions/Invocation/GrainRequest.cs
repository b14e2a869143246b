using System.ComponentModel;
using System.Text.Json;
using CustomerService.Runtime.Serialization;

namespace CustomerService.Runtime.Invocation;

/// <summary>One call to one grain method: its arguments and how to invoke it. The source generator emits a sealed
/// subclass per interface method, so invoking, copying and serializing need no reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public abstract class GrainRequest
{
    /// <summary>The stable alias of the grain interface that declares the method.</summary>
    public abstract string InterfaceName { get; }

    /// <summary>The method's name, for logs and filters.</summary>
    public abstract string MethodName { get; }

    /// <summary>The stable identity of this method on the wire.</summary>
    public abstract string RequestAlias { get; }

    /// <summary>How the method is scheduled.</summary>
    public virtual InvokeMethodOptions Options => InvokeMethodOptions.None;

    /// <summary>The number of arguments.</summary>
    public virtual int ArgumentCount => 0;

    /// <summary>Gets an argument (for call filters).</summary>
    public virtual object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Replaces an argument (for call filters).</summary>
    public virtual void SetArgument(int index, object? value) => throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Replaces every argument by an independent copy.</summary>
    public virtual void CopyArguments(IDeepCopier copier)
    {
    }

    /// <summary>Writes the arguments as a JSON array.</summary>
    public virtual void WriteArguments(Utf8JsonWriter writer, IGrainSerializer serializer)
    {
        writer.WriteStartArray();
        writer.WriteEndArray();
    }

    /// <summary>Reads the arguments from a JSON array; the reader is positioned on its start.</summary>
    public virtual void ReadArguments(ref Utf8JsonReader reader, IGrainSerializer serializer)
    {
        ExpectStartArray(ref reader);
        ExpectEndArray(ref reader);
    }

    /// <summary>Calls the method on <paramref name="target"/> and wraps the outcome.</summary>
    public abstract ValueTask<Response> InvokeAsync(object target);

    /// <summary>Reads a response to this request from one JSON value.</summary>
    public abstract Response ReadResult(ref Utf8JsonReader reader, IGrainSerializer serializer);

    /// <summary>Makes a response from a result set by a call filter that did not invoke the grain.</summary>
    public abstract Response CreateResponse(object? result);

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceName}.{MethodName}";

    /// <summary>Checks the reader is on the start of the argument array.</summary>
    protected static void ExpectStartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None) reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"Expected the start of an argument array, found {reader.TokenType}.");
    }

    /// <summary>Moves the reader to the next argument.</summary>
    protected static void NextArgument(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            throw new JsonException("The argument array is shorter than the method's parameter list.");
    }

    /// <summary>Checks the argument array ends here.</summary>
    protected static void ExpectEndArray(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            throw new JsonException("The argument array is longer than the method's parameter list.");
    }
}

/// <summary>A request to a method that returns <see cref="Task{TResult}"/> or <see cref="ValueTask{TResult}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <inheritdoc />
    public override Response ReadResult(ref Utf8JsonReader reader, IGrainSerializer serializer)
        => Response.FromResult(serializer.Deserialize<TResult>(ref reader));

    /// <inheritdoc />
    public override Response CreateResponse(object? result) => Response.FromResult(result is null ? default! : (TResult)result);

    /// <summary>Wraps a task's outcome without an allocation when it already completed.</summary>
    protected static ValueTask<Response> Complete(Task<TResult> task)
        => task.IsCompletedSuccessfully ? new(Response.FromResult(task.Result)) : Await(task);

    /// <summary>Wraps a value task's outcome.</summary>
    protected static ValueTask<Response> Complete(ValueTask<TResult> task)
        => task.IsCompletedSuccessfully ? new(Response.FromResult(task.Result)) : Await(task.AsTask());

    private static async ValueTask<Response> Await(Task<TResult> task) => Response.FromResult(await task.ConfigureAwait(true));
}

/// <summary>A request to a method that returns <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public abstract class VoidGrainRequest : GrainRequest
{
    /// <inheritdoc />
    public override Response ReadResult(ref Utf8JsonReader reader, IGrainSerializer serializer)
    {
        reader.Skip();
        return Response.Completed;
    }

    /// <inheritdoc />
    public override Response CreateResponse(object? result) => Response.Completed;

    /// <summary>Wraps a task's outcome.</summary>
    protected static ValueTask<Response> Complete(Task task)
        => task.IsCompletedSuccessfully ? new(Response.Completed) : Await(task);

    /// <summary>Wraps a value task's outcome.</summary>
    protected static ValueTask<Response> Complete(ValueTask task)
        => task.IsCompletedSuccessfully ? new(Response.Completed) : Await(task.AsTask());

    private static async ValueTask<Response> Await(Task task)
    {
        await task.ConfigureAwait(true);
        return Response.Completed;
    }
}
