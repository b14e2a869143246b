using System.ComponentModel;

namespace CustomerService.Runtime.Invocation;

/// <summary>Marks an assembly that contains generated grain class registrations, so the silo finds its grains.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class GeneratedGrainCodeAttribute : Attribute;
