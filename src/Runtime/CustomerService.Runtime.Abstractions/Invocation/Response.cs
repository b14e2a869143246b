using System.ComponentModel;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using CustomerService.Runtime.Serialization;

namespace CustomerService.Runtime.Invocation;

/// <summary>The outcome of a grain call: a result, nothing (for <see cref="Task"/> methods) or an exception.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public abstract class Response
{
    /// <summary>The response of a method that returns no value.</summary>
    public static Response Completed { get; } = new VoidResponse();

    /// <summary>A response carrying <paramref name="value"/>.</summary>
    public static Response<T> FromResult<T>(T value) => new(value);

    /// <summary>A response carrying an exception.</summary>
    public static Response FromException(Exception exception) => new ExceptionResponse(exception);

    /// <summary>The exception, when the call failed.</summary>
    public virtual Exception? Exception => null;

    /// <summary>The result as an object (for call filters).</summary>
    public abstract object? Result { get; set; }

    /// <summary>Replaces the result with an independent copy.</summary>
    public abstract void CopyResult(IDeepCopier copier);

    /// <summary>Writes the result as one JSON value.</summary>
    public abstract void WriteResult(Utf8JsonWriter writer, IGrainSerializer serializer);

    /// <summary>The typed result, rethrowing the exception of a failed call.</summary>
    public T GetResult<T>()
    {
        if (Exception is { } exception) ExceptionDispatchInfo.Throw(exception);
        return this is Response<T> typed
            ? typed.Value
            : throw new InvalidCastException($"The response holds {Result?.GetType().Name ?? "no value"}, not {typeof(T).Name}.");
    }

    /// <summary>Rethrows the exception of a failed call.</summary>
    public void ThrowIfFailed()
    {
        if (Exception is { } exception) ExceptionDispatchInfo.Throw(exception);
    }

    private sealed class VoidResponse : Response
    {
        public override object? Result
        {
            get => null;
            set { }
        }

        public override void CopyResult(IDeepCopier copier)
        {
        }

        public override void WriteResult(Utf8JsonWriter writer, IGrainSerializer serializer) => writer.WriteNullValue();
    }

    private sealed class ExceptionResponse(Exception exception) : Response
    {
        public override Exception Exception => exception;

        public override object? Result
        {
            get => null;
            set { }
        }

        public override void CopyResult(IDeepCopier copier)
        {
        }

        public override void WriteResult(Utf8JsonWriter writer, IGrainSerializer serializer) => writer.WriteNullValue();
    }
}

/// <summary>A response carrying a value of type <typeparamref name="T"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class Response<T>(T value) : Response
{
    /// <summary>The result.</summary>
    public T Value { get; set; } = value;

    /// <inheritdoc />
    public override object? Result
    {
        get => Value;
        set => Value = (T)value!;
    }

    /// <inheritdoc />
    public override void CopyResult(IDeepCopier copier) => Value = copier.Copy(Value);

    /// <inheritdoc />
    public override void WriteResult(Utf8JsonWriter writer, IGrainSerializer serializer) => serializer.Serialize(writer, Value);
}
