using Microsoft.CodeAnalysis;

namespace CustomerService.Runtime.CodeGenerator;

[Generator]
public sealed class GrainCodeGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
