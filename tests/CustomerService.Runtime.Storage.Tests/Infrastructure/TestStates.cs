using System.Text.Json.Serialization;

namespace CustomerService.Runtime.Storage.Tests.Infrastructure;

/// <summary>A state shaped like a grain's: mutable, with a parameterless constructor.</summary>
public sealed class CounterState
{
    public int Value { get; set; }

    public string? Note { get; set; }
}

public sealed class ProfileState
{
    public string Name { get; set; } = "";

    public List<string> Tags { get; set; } = [];
}

[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(ProfileState))]
internal sealed partial class StorageTestJsonContext : JsonSerializerContext;
