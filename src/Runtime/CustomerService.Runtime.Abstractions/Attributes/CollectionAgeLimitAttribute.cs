namespace CustomerService.Runtime;

/// <summary>Overrides the idle collection age for one grain class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CollectionAgeLimitAttribute(double minutes) : Attribute
{
    /// <summary>The idle time after which the grain is deactivated.</summary>
    public TimeSpan Age { get; } = TimeSpan.FromMinutes(minutes);
}
