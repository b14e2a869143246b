using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace CustomerService.Runtime.Serialization;

/// <summary>An exception as it crosses a call boundary: its type, message, stack trace and the public settable
/// properties its own type declares (such as an error code).</summary>
public sealed record ExceptionInfo(string TypeName, string Message, string? StackTrace, Dictionary<string, JsonElement>? Properties);

/// <summary>Turns exceptions into <see cref="ExceptionInfo"/> and back, so that a caller receives an exception of the
/// type the grain threw, with its message and properties, whether the grain ran in-process or on another silo.
/// Runs only on failures, so the reflection here is off the call path.</summary>
public sealed class ExceptionCodec(IGrainSerializer serializer)
{
    private static readonly ConcurrentDictionary<string, Type?> TypesByName = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    /// <summary>Describes an exception.</summary>
    public ExceptionInfo Encode(Exception exception)
    {
        var type = exception.GetType();
        Dictionary<string, JsonElement>? properties = null;
        foreach (var property in CopiedProperties(type))
        {
            properties ??= [];
            var value = property.GetValue(exception);
            properties[property.Name] = JsonSerializer.SerializeToElement(value, property.PropertyType, JsonOptions);
        }

        return new ExceptionInfo(type.AssemblyQualifiedName ?? type.FullName ?? type.Name, exception.Message, exception.StackTrace, properties);
    }

    /// <summary>Recreates an exception; its remote stack trace is kept in <see cref="Exception.StackTrace"/>.</summary>
    public Exception Decode(ExceptionInfo info)
    {
        var type = TypesByName.GetOrAdd(info.TypeName, static name => Type.GetType(name, throwOnError: false));
        var recreated = type is null ? null : TryCreate(type, info.Message);
        var exception = recreated ?? new GrainInvocationException(info.Message) { OriginalTypeName = info.TypeName.Split(',')[0] };
        // The properties are the original type's: set them only on an instance of it. A type without a message
        // constructor (Npgsql's PostgresException) falls back to GrainInvocationException, and setting its properties
        // there threw out of the transport's read loop, which closed the connection and failed every call on it.
        if (recreated is not null && info.Properties is not null) RestoreProperties(exception, type!, info.Properties);
        if (info.StackTrace is not null) ExceptionDispatchInfo.SetRemoteStackTrace(exception, info.StackTrace);
        return exception;
    }

    /// <summary>Encodes and decodes: what the caller of an in-process call receives.</summary>
    public Exception Copy(Exception exception) => Decode(Encode(exception));

    private JsonSerializerOptions JsonOptions => serializer is JsonGrainSerializer json ? json.Options : JsonSerializerOptions.Default;

    private static Exception? TryCreate(Type type, string message)
    {
        if (!typeof(Exception).IsAssignableFrom(type)) return null;
        try
        {
            if (type.GetConstructor([typeof(string)]) is { } withMessage) return (Exception)withMessage.Invoke([message]);
            if (type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner) return (Exception)withInner.Invoke([message, null]);
        }
        catch (TargetInvocationException)
        {
            // The constructor rejected the message; fall back to a generic exception below.
        }

        return null;
    }

    private void RestoreProperties(Exception exception, Type type, Dictionary<string, JsonElement> properties)
    {
        foreach (var property in CopiedProperties(type))
        {
            if (!properties.TryGetValue(property.Name, out var element)) continue;
            try
            {
                property.SetValue(exception, element.Deserialize(property.PropertyType, JsonOptions));
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or TargetException or TargetInvocationException)
            {
                // A property that cannot travel stays at its default; the message and type still arrive.
            }
        }
    }

    private static PropertyInfo[] CopiedProperties(Type type) => PropertiesByType.GetOrAdd(type, static t =>
    {
        var list = new List<PropertyInfo>();
        for (var current = t; current is not null && current != typeof(Exception); current = current.BaseType)
        {
            list.AddRange(current.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(p => p.CanRead && p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0));
        }

        return [.. list];
    });
}
