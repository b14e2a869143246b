namespace CustomerService.Runtime;

/// <summary>Lets calls to this grain interleave: while one call awaits, another may run (never in parallel).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>This method may run while any other call to the grain is in progress.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>This method does not change the grain's state: read-only calls may interleave with each other.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

/// <summary>The caller does not wait for this method: the call returns once it is queued, and errors are not reported back.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
